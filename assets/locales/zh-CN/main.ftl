# The Architect's Audit：简体中文目录（译自英文原文 assets/locales/en）。
# 数字到达时已格式化；{ $name } 是参数，不翻译。

tier-waiting = 等待你的设计

tier-oom = 内存不足 · 未启用

hud-locked = 已锁定

reading-notes = 你的账本是如何读取的

backups = 备份

backups-explain = 每次导入、恢复或重新开始之前都会保存一份副本。恢复某个副本时，会先为当前内容再存一份副本，所以什么都不会丢失。

restore = 恢复

window-title = The Architect's Audit — 机器学习系统 实验 16

title = The Architect's Audit

subtitle = 第一卷，实验 16（综合实验）

source-label = 用户

tier-cloud = 云端
tier-edge = 边缘
tier-mobile = 移动端
tier-tiny = TinyML

panel-metrics = 实时物理

stage-1 = 第 1 步 — 云端硬件

stage-2 = 第 2 步 — 量化

stage-3 = 第 3 步 — 服务策略

stage-4 = 第 4 步 — 重训练周期

stage-5 = 第 5 步 — 公平性阈值

stage-tiny = TinyML 子模型

label-gpus = H100 GPU 数量

label-q-cloud = 云端权重

label-q-edge = 边缘权重

label-q-mobile = 移动端权重

label-kv = 云端 KV 缓存

label-cadence = 两次重训练间隔（天）

label-fairness = 组间最大批准率差距（%）

label-tiny-params = 参数量

label-tiny-quant = 精度

label-model = 物理模型

import-course-file = 导入 ~/.mlsys/ledger.json

reset-all = 全部重置（R）

all-clear = 所有约束均已满足。每一层都装得进内存，云端满足每一项 SLO。（延迟 SLO 只针对云端：边缘、移动端和 TinyML 的请求按其设备能否处理来判定，画面也按同样方式绘制。）

intro-kicker = 机器学习系统 · 第一卷 · 实验 16 · 综合实验

intro-pitch = 十五个实验教会了你七条不变量，一次一条。这个综合实验要同时用上全部七条。首先，你的设计账本会揭示你的直觉真实的样子；然后，你要把一个 70 亿参数的语言模型部署到四种截然不同的机器上，看看哪些定律会卡住你。

intro-acts-1 = 第一幕 — 设计账本考古 · 12–15 分钟
intro-acts-2 = 第二幕 — 全栈设计挑战 · 20–25 分钟
intro-acts-3 = 总共约 35–40 分钟 · 每一层都在运行

intro-badges-1 = 铁律  T = D/BW + O/R + L
intro-badges-2 = 阿姆达尔  加速比 = 1 / (s + (1 − s)/N)
intro-badges-3 = Roofline 脊点
intro-badges-4 = 利特尔定律  L = λW
intro-badges-5 = 每一层都可能内存不足

reading-title = 开始之前

reading-note = 链接会在浏览器中打开教材的公开页面。

begin = 开始第一幕

act1-title = 第一幕 — 设计账本考古

act1-from = 首席架构师的来信

act1-message = “在你主导 7B 模型上线之前，先证明你了解自己的盲点。十五个实验里，哪条物理定律最常让你的直觉出错？查你的记录，而不是凭记忆。优秀的架构师清楚地知道自己的直觉在哪里失灵。”

act1-context = 你在实验 01–15 中做出的每一个预测、触发的每一个约束，都记录在你的设计账本里。其中的规律显示了你的直觉低估了哪些不变量。在查看汇总之前，先给出你自己的诊断。

act1-options-1 = A）内存带宽 — 瓶颈是带宽而不是算力的情况比我预想的更多（铁律、Roofline）
act1-options-2 = B）排队 — 我低估了高利用率下 P99 偏离均值的程度（利特尔定律、P99）
act1-options-3 = C）串行比例 — 我对并行的期望高于它实际带来的收益（阿姆达尔定律、基准测试）
act1-options-4 = D）分布漂移 — 生产数据偏离训练数据的速度比我想的更快（PSI、MLOps）

lock = 锁定我的预测

lock-hint = 选择一个答案，然后锁定它（本面板底部的按钮），即可打开账本汇总。预测一经锁定便不能更改。

locked = 预测已锁定

card-title = 心智模型成绩单 — 实验 01–15

card-labs = 已完成实验

card-accuracy = 预测正确率

card-hits = 触发的约束失败

card-contexts = 部署场景

card-diagnosis = 诊断

card-weakest = 最薄弱的不变量

card-failures-at = 约束失败发生在

card-favourite = 最常用场景

card-sparse = 记录的实验少于 15 个，因此部分数字采用中性估计（没有实验的不变量按 50% 计）。补完缺失的实验即可获得完整报告。

radar-title = 七条不变量，0–100%

radar-explain = 绿色：你对每条不变量的预测正确的频率。红色：你触发其失败状态的频率。红色值高，说明物理规律出乎你的意料：你的心智模型低估了这条不变量的约束力。

radar-accuracy = 预测正确率（%）

radar-hits = 约束触发率（%）

confirmed = 已确认。

different = 另一种解读。

course-tput-title = 吞吐量检查未通过（课程的隐藏检查）

none-yet = —

no-labs-yet = 尚无实验

no-failures = 无

not-judged = 尚未判定。

act1-explain-1 = 内存带宽（铁律、Roofline）是习惯于数运算次数的工程师的经典盲点。峰值 FLOPS 的增长远快于内存带宽，所以一个纸面上看似受算力限制的模型，实际上通常受带宽限制：每次前向传播都要把权重从 HBM 搬到计算核心。在 T = D/BW + O/R + L 中，一旦 D/BW 占主导，再多的算力也无济于事。
act1-explain-2 = 排队（利特尔定律、P99）在造成损失之前一直隐而不见。平均延迟看起来没问题，尾部却在爆炸：利用率接近 80% 时，M/M/1 队列的 P99 是其均值的好几倍。陷阱在于调优仪表盘上的平均值，而作为百分位数的 SLO 却在悄悄失败。L = λW 准确地指出了瓶颈何时从模型变成队列。
act1-explain-3 = 串行比例（阿姆达尔定律）常被低估，因为多加 GPU 感觉就应该成比例地变快。5% 的串行部分会把加速比上限卡在 20 倍，无论加多少 GPU；而数据加载、同步和预处理还会增加串行工作，让这个上限来得更早。
act1-explain-4 = 分布漂移（PSI、MLOps）违反直觉，因为代码里什么都没变 —— 变的是世界。静态基准测试无法让人感受到生产数据偏离训练集有多快。群体稳定性指数（PSI）可以度量它，但没有监控，性能衰退就是无声的，正如实验 03 中“静默退化”的场景。


sparse-reading = 你的设计账本数据稀少，因此分析退回到学生中最常见的盲点：内存墙与 Roofline。补完之前的实验即可获得个人化的解读。

mathpeek-act1 = 第一卷的七条不变量 — 公式


to-act2 = 进入第二幕

act2-title = 第二幕 — 全栈设计挑战

act2-from = 首席架构师的系统简报

act2-recs-title = 来自你之前的实验

act2-stages-intro = 依次完成五个步骤。每一步都会引入一条不变量，示意图随之更新。至少触发一次失败状态，然后修复它。

finish = 提交此设计

submit-title = 提交此设计？

submit-confirm = 提交

submit-cancel = 继续设计

submit-passes = 它满足所有约束。

submit-fails = 它没有满足所有约束。未通过的项目：

submit-note = 老师的班级报告只统计你第一次提交的尝试。按 Tab 移到“提交”并按 Enter，或按 Esc 继续设计。

replay = 回到设计（新的提交会另存为一条新记录）

new-run = 从介绍重新开始

map-title = 内存与延迟，所有层级

map-explain = 每一层按其内存占用（x）和延迟（y）定位，两轴均为对数刻度。虚线是各层的内存预算；叉号表示该层内存不足。绿色区域是 P99 SLO。

correct = 正确。

reassess = 重新评估。

mathpeek-act2 = 七条不变量在本场景中如何交汇

feasible-title = 此设计可行。

feasible-next = 它满足所有硬约束。在生产环境中，接下来你需要为每一层设定监控频率和告警阈值，规划 A/B 灰度发布，并决定下层过载时流量如何回退。

fix-title = 部分约束未满足 — 常规修复顺序：

fix-steps-1 = 边缘或移动端内存不足？降低该层的权重精度（INT8 或 INT4）。
fix-steps-2 = P99 超标或过载？先切换到连续批处理，再增加 GPU，并减少每步搬运的字节（INT8 权重、INT8 KV 缓存）。
fix-steps-3 = 成本超标？每个请求的成本是 GPU 的小时价格除以它们处理的请求数：为这个负载配置更少或更便宜的 GPU。
fix-steps-4 = 可用性不足？一块 GPU 故障不能让负载超出其余 GPU 的承受能力：保留一块备用。
fix-steps-5 = TinyML SRAM 不够？把 LLM 子模型换成约 10 万参数的专用关键词检测模型。

takeaways-title = 要点

takeaways-1 = 1. 层级的边界是物理，而不是软件设置。没有哪个超参数能让同一个模型跨越全部四层：Cortex-M7 的 256 KB SRAM 和手机 5 W 的散热预算是不会变的。划定界线的是热力学、存储器物理和信号延迟，而不是框架版本或量化方案。架构师的首要工作，是分清哪些限制可以商量，哪些是墙。
takeaways-2 = 2. 在生产中，七条不变量同时起作用。铁律决定云端延迟，阿姆达尔定律限制 GPU 扩展，内存墙决定哪一层能承载哪个模型，利特尔定律预言高负载下 P99 的暴涨，性能退化决定重训练周期，Chouldechova 定理约束公平性与准确率之间的取舍。你无法孤立地优化其中一条：每个控件都会牵动多个约束。真正的本领是在系统尺度上推理这些相互作用，而不是背诵公式。

hud-labs = 实验

hud-acc = 预测正确率

hud-weakest = 最薄弱

hud-act1 = 第一幕

hud-act2 = 第二幕

hud-p99 = P99

hud-cost = 成本

hud-system = 系统

hud-ledger = 账本

memory-only = 进度不会被保存：{ $reason }

store-moved-aside = 无法读取你的进度存储（{ $why }）。它已原样移到 { $to }（`architects-audit ledger backups` 会列出它），游戏已使用新的存储启动。

export-done = 已导出到 { $path }

export-downloaded = 已导出为 { $file }（已下载）

export-failed = 导出失败：{ $error }

unreadable = 无法读取你保存的设计账本。它没有被修改或替换：已保留一份原始副本。可以导出这份副本加以保存，或新建一个账本。

export-raw = 导出无法读取的副本

start-afresh = 新建账本（副本仍保留在备份中）

ledger-section = 设计账本

use-mine = 我的账本

samples-label = ……或试试示例学生

import = 导入账本……

import-paste = 在此粘贴账本 JSON

import-preview = 预览

import-replace = 替换我的账本

import-merge = 合并到我的账本

import-merge-explain = 合并会保留你的记录，并把导入的记录加在后面；若两者都记录了同一章，以导入的记录为准。

cancel = 取消

export = 导出我的账本（E）

import-file = 从文件导入……

no-service = 无服务

shortcuts-1 = Enter
    .action = 开始 / 锁定所选答案 / 继续 / 提交设计
shortcuts-2 = A–D
    .action = 在预测锁定中选择答案
shortcuts-3 = 空格
    .action = 暂停或继续请求流
shortcuts-4 = Tab
    .action = 把焦点移到下一个控件（Shift+Tab：返回）
shortcuts-5 = 空格/Enter
    .action = 操作获得焦点的控件
shortcuts-6 = 方向键
    .action = 调节获得焦点的滑块；在侧边栏边缘时调节其宽度
shortcuts-7 = R
    .action = 重置所有设计控件（第二幕；账本保留）
shortcuts-8 = P
    .action = 打开或关闭投影仪配置
shortcuts-9 = E
    .action = 导出我的账本（网页版为下载）
shortcuts-10 = F1 或 ?
    .action = 显示或隐藏此列表
shortcuts-11 = F3
    .action = 帧率与帧时间
shortcuts-12 = F11
    .action = 全屏
shortcuts-13 = Esc
    .action = 关闭此列表
shortcuts-14 = 左、右、Home
    .action = 班级视图：上一位 / 下一位学生；返回班级

play = ▶ 播放（空格）

pause = ⏸ 暂停（空格）

play-touch = ▶ 播放

pause-touch = ⏸ 暂停

step = 单步

outcomes-1 = 准时
outcomes-2 = 迟到（云端 SLO）
outcomes-3 = 被拒绝

demo-captions-1 = 演示 — The Architect's Audit。按任意键或点击即可接管。
demo-captions-2 = 第一幕：在查看账本之前，学生先给出自己的诊断。
demo-captions-3 = 成绩单：这位学生的预测在内存墙上失误最多。
demo-captions-4 = 第二幕：在动任何控件之前，预测哪一层最难。
demo-captions-5 = 课程的默认设计：2 块 GPU、FP16、动态批处理。队列爆炸，TinyML 溢出。
demo-captions-6 = 连续批处理：请求在每个解码步都能加入。好一些了，但 2 块 GPU 过载。
demo-captions-7 = 两台服务器共 12 块 GPU：更接近了，但 FP16 的权重和 KV 缓存每步仍要搬运太多字节。
demo-captions-8 = INT8 权重和 INT8 KV 缓存：云端扛住了负载，即使坏一块 GPU 也有余量。
demo-captions-9 = 10 万参数的关键词检测模型装得进 256 KB SRAM。所有约束均已满足。
demo-captions-10 = 已提交：该设计作为第 16 章保存到设计账本。

demo-captions-course-draft-6 = 连续批处理：课程的公式按峰值吞吐量的 100% 而不是 80% 计算。
demo-captions-course-draft-7 = 课程的 GPU 滑块最多到 8：设计停在那里，随着 GPU 增加其 P99 下降。
demo-captions-course-draft-8 = INT8 权重让每个 token 读取的字节减半；课程的 KV 缓存也随之缩小。
demo-captions-course-draft-9 = 按照课程的公式，没有任何设计能通过：TinyML 子模型是固定的，永远装不下，而吞吐量检查也无法达到。

preferences = 显示

panel-edge = 侧边栏宽度（左右方向键）

reduced-motion = 减少动态效果：不闪烁、不抖动、不发光（请求仍会移动）

projector = 投影仪配置（P）：浅色、高对比度、更大

ui-scale = 界面缩放

measured-title = 模拟请求（最近 30 秒）与模型对照

measured-wait = 正在收集请求……



class-title = 班级视图

class-none = 尚未加载任何账本。每位学生导出自己的设计账本（在游戏中点“导出我的账本”，或运行 `architects-audit ledger export`）；在这里把这些文件一起打开。

class-open = 打开账本……

class-summary = 班级

class-prev = ◀ 上一位

class-next = 下一位 ▶

class-radar = 全班各不变量的预测正确率

class-radar-key = 绿色：班级平均值。蓝色：第一和第三四分位数（班级中间一半的学生位于两者之间）。标有“无实验”的轴上没有任何学生做过相关实验。

class-weakest = 最薄弱的不变量（学生数）

class-labs = 已完成实验 1–15（学生数）

class-ch16 = 第 16 章，首次尝试

class-hardest = 预计最难的层级（第二幕）

class-no-ch16 = 此账本中没有第 16 章。

class-design = 他们的设计（首次尝试）

class-drawn = 画面按评判该设计时所用的物理模型来绘制：

class-not-drawn = 这条记录没有保存完整的设计（旧版存档），因此画面显示的是全班情况。

class-failed = 未通过

class-passing = 通过的设计

class-names-hidden = 文件名已隐藏（启动时加 --show-names 可显示）。

instruments-title = 实时仪表（模拟请求）

histogram-x = 首 token 时间（ms）


histogram-bars = 请求（迟到的为琥珀色）

slo-line-label = P99 SLO

histogram-key = 柱：按首 token 时间统计的请求数（超过 SLO 的为琥珀色）。线：P50（蓝）、P99（实线）、SLO（红色虚线）。

strip-key = 实线：P99（对数刻度，左轴）。蓝色：已处理请求，按其峰值缩放。红色虚线：SLO。点线：一次设计更改。

strip-x = 秒前

strip-p99 = 首 token 时间的 P99

strip-change = 设计已更改

strip-y = P99



world-in-words = 逐层描述画面
world-readout-hint = 轻触或指向以查看数字

act1-question = 回顾实验 01–15，你最一贯低估的是哪一条不变量？

act2-question = 在做任何配置之前：哪一层会是最难满足的约束？

act2-lock-hint = 锁定一个预测（本面板底部的按钮）即可解锁设计工具。

fix-footer = 每一项修复都可以追溯到七条不变量之一。没有免费的午餐。

class-keys = 按键：左右方向键逐个查看学生；Home 返回班级。


## Design choices

serving-course-static = 静态批处理 — 最简单，峰值吞吐量的 { $peak }%
serving-course-dynamic = 动态批处理 — 复杂度适中，峰值的 { $peak }%
serving-course-continuous = 连续批处理 — 峰值的 { $peak }%，为 LLM 而设计
serving-systems-static = 静态批次 — 大小固定，等待凑满，按最长的回答补齐
serving-systems-dynamic = 动态批次 — 收集 { $window } ms，然后把整批运行到结束
serving-systems-continuous = 连续批处理 — 请求在每个解码步加入和离开
quant-full-accuracy = 完整准确率
quant-accuracy-drop = 准确率 −{ $drop }%
quant-label = { $name } — { $bytes } { $unit ->
        [many] 字节
       *[one] 字节
    }/参数，{ $cost }
quant-fp16 = FP16
quant-int8 = INT8
quant-int4 = INT4
quant-ternary = 三值
latency-note-systems = 这里的 P99 是满负载下（含排队）的首 token 时间：{ $tokens } 个 token 的回答无法在 { $slo } 内完成，所以 SLO 考核的是回答开始得有多快。
latency-note-course = 课程草案：P99 是批大小为 1、没有排队时，一个完整的 { $tokens } token 回答所需的时间 —— 即课程的原始公式。
unit-ms = { $value } ms
slo-line = P99 < { $slo } · 每个请求 < ${ $cost }
act2-option-a = A）云端 — 模型以 FP16 装不进 { $cloud } 的内存
act2-option-b = B）边缘 — { $edge } 在规模化时无法把 P99 保持在 { $slo } 以内
act2-option-c = C）移动端 — 7B 模型无论什么精度都装不进 { $gb } GB
act2-option-d = D）TinyML — 即使三值权重也装不进 { $kb } KB 的 SRAM
degradation-note = 两次重训练之间，准确率每天下降约 { $per_day }：30 天损失 { $month } 个百分点，90 天损失 { $quarter }。
model-systems = 系统模型（Roofline + 排队，默认）
model-course-draft = 课程草案（课程的原始公式）

## Banner headlines

banner-cloud-oom = 云端内存不足
banner-edge-oom = 边缘内存不足
banner-mobile-oom = 移动端内存不足
banner-tiny-sram = TinyML SRAM 溢出
banner-p99 = 未满足 P99 延迟 SLO
banner-throughput = 云端过载
banner-cost = 未满足成本 SLO
banner-availability = 未满足可用性 SLO
banner-accuracy = 准确率警告
banner-drift = 漂移警告

## The brief's lines from the student's earlier labs

brief-compression = • 实验 10：你选择了 { $choice } 压缩 —— 值得在边缘层和移动端考虑。
brief-p99 = • 实验 13：在你选择的负载下，你的 P99 是 { $ms } ms —— 本实验的 { $slo } SLO 要严格得多。
brief-p99-missing = • 此账本中没有实验 13，因此没有你自己的 P99 可以与本实验的 { $slo } SLO 对比。
brief-cadence = • 实验 14：你的重训练周期是 { $cadence } —— 这里四个层级的漂移速度各不相同。
cadence-days = { $days } 天
cadence-psi = 由 PSI 监控触发
course-tput-detail = 课程的公式拿每秒 token 数与每秒请求数乘以 token 数相比：{ $tok_s } tok/s × { $mult } ≥ { $rps } 请求/s × { $tokens } token，即 { $supply } ≥ { $demand }。任何设计都无法通过这项检查，所以按课程的公式没有设计能通过；它的横幅并不显示这一点。
course-draft-note = 课程草案：笔记本中的公式，原样保留。它的 GPU 滑块范围是 1–8，因此切换时更大的集群会被降到 8。按这些公式没有设计能通过：TinyML 子模型固定为 { $params } 个{ $quant }参数，永远装不进 { $kb } KB，而吞吐量检查要求的每秒 token 数超过 8 块 GPU 所能提供的。选择它是为了看课程的数字，而不是为了过关。

## The Act II reveal: why each answer is right or wrong

act2-explain-cloud-fits = 云端的内存不是它的问题：一块 { $gpu } 即使以 FP16 也能装下 { $model }。
act2-explain-cloud-splits = 云端的内存只在模型拆分之前是个问题：一块 { $gpu } 以 FP16 装不下 { $model }，一组张量并行的 GPU 可以。
act2-explain-cloud = { $memory } 它的约束是负载下的延迟、容量、成本和可用性：要以 { $slo } 内的首 token 时间承载每秒 { $rps } 个请求，需要许多 GPU、合适的精度和连续批处理；而填满每块 GPU、被每个解码步读取的是 KV 缓存，而不是权重。
act2-explain-edge = 边缘很慢，但并没有卡死：它的回答要花几秒，但裁决考核的是云端的 SLO；而边缘自身的约束 —— 内存 —— 在 { $device } 上有 { $passing }/{ $total } 种精度能满足。
act2-explain-mobile = 移动端的内存问题有工程解法：{ $passing }/{ $total } 种精度能装进手机的 { $gb } GB。
act2-explain-tiny-wall = 课程的 { $params } 参数{ $quant }子模型需要 { $kib } KiB 的 SRAM，约为 Cortex-M7 所有 { $kb } KB 的 { $times } 倍：任何精度都解决不了，所以对那个模型而言，256 KB 就是一堵墙。
act2-explain-tiny-course = { $wall } 按照课程的公式，子模型是固定的：本实验中没有任何办法让它装得下。
act2-explain-tiny-systems = { $wall } 尺寸控件用另一个模型家族的成员 { $family }（参考尺寸为 { $params } 参数）来替换它，它装得下：这是一个不同的模型，而不是把同一个模型调小。
answer-evidence = 在{ $model }物理模型下，最难的层级是{ $hardest }：它只有 { $passing }/{ $total } 的设计满足自身约束，比例最小。云端：{ $cloud }/{ $cloud_total } 种配置（GPU、权重与 KV 精度、服务方式）。边缘：{ $edge }/{ $edge_total } 种精度。移动端：{ $mobile }/{ $mobile_total } 种精度。TinyML：{ $tiny }/{ $tiny_total } 种尺寸与精度组合。
model-short-systems = 系统
model-short-course-draft = 课程草案

## Names

sample-strong = 一位优秀的学生
sample-memory-wall = 盲点：内存墙
sample-queuing = 盲点：排队
sample-sparse = 稀疏的记录（3 个实验）
sample-empty = 空账本
context-edge = 边缘（Jetson Orin）
context-mobile = 移动端（手机 NPU）
context-tiny = TinyML（Cortex-M7）
context-cloud = 云端（H100）
unit-s = { $value } s
unit-usd = ${ $value }

## Banner explanations, with the report's figures

banner-cloud-oom-detail = 云端需要 { $needs } GB，但 { $gpus } × { $device } 只提供 { $offer } GB。{ $fix } 或者使用 INT8 权重。
banner-cloud-oom-fewest = 至少需要 { $gpus } 块 GPU。
banner-cloud-oom-none = 可选的 GPU 数量中没有一个能装下它。
banner-edge-oom-detail = { $device } 需要 { $needs } GB，而它只有 { $has } GB。把边缘量化到 INT8（权重约 { $int8 } GB）或 INT4（约 { $int4 } GB）。
banner-mobile-oom-detail = 手机需要 { $needs } GB，而它只有 { $has } GB。在移动端使用 INT4 或三值权重。
banner-tiny-sram-detail-course = 课程的 TinyML 子模型（{ $params } 参数，{ $quant }）需要 { $needs } KB；{ $device } 只有 { $has } KB 的 SRAM。按课程的公式子模型是固定的，所以这里没有任何控件能让它装下。在系统模型下，尺寸控件会把它换成更小的关键词检测模型。
banner-tiny-sram-detail = TinyML 子模型需要 { $needs } KB（权重和激活）；{ $device } 只有 { $has } KB 的 SRAM。任何精度都解决不了：请使用小于约 { $ternary }M 个三值参数（每个 { $ternary_bytes } 字节）或 { $int8 }K 个 INT8 参数的专用模型 —— 10 万参数的关键词检测模型就装得下。
banner-p99-detail-systems = 首 token 时间的 P99 为 { $p99 }，SLO 为 { $slo }（排队等待、prefill 和一个解码步，利用率 { $util }%）。铁律 T = D/BW + O/R + L：每个解码步耗时 { $step } ms，{ $bound }。请使用连续批处理、增加 GPU，或减少每步搬运的字节（INT8 权重和 KV 缓存）。
banner-p99-compute-bound = 大部分是 O/R，即计算
banner-p99-memory-bound = 大部分是 D/BW，即从 HBM 搬运权重和 KV 缓存
banner-p99-detail-course = 云端 P99 为 { $p99 }，SLO 为 { $slo }。解码受带宽限制（铁律）：每个 token 都要从 HBM 读取权重。增加 GPU、切换到连续批处理，或减少每个参数的字节数。
banner-throughput-detail = 云端每秒能处理 { $capacity } 个请求，但必须承载 { $load }：利用率 { $util }%。接近 100% 时队列会无限增长。增加 GPU、使用连续批处理，或减少每步的字节。
banner-throughput-detail-course = 云端无法产出其流量份额所需的 token。
banner-cost-detail = 每个请求的成本为 ${ $cost }：GPU 的小时价格除以它们处理的请求数，高于 ${ $slo } 的 SLO。为这个负载配置更少或更便宜的 GPU。
banner-availability-detail = 每块 GPU 的在线率为 { $gpu }%，每台 { $per_node } GPU 服务器为 { $node }%，负载只有 { $fits }% 的时间能被承载（SLO { $slo }%）。保留足够的冗余容量，使失去一块 GPU 不会让其余的过载；服务器超过一台时，失去整台服务器也不应如此。
banner-accuracy-detail = 漂移前的有效准确率为 { $accuracy }%。三值权重约损失 { $ternary } 个百分点{ $fairness }：对触发模型来说可以接受，对回答来说不行。把对精度敏感的请求路由到云端。
banner-accuracy-fairness = ，而这个公平性阈值又损失 { $points }
banner-drift-detail = 每 { $days } 天重训练一次，准确率会衰减到 { $after }%：Acc(t) = Acc₀ − λ·t = { $before }% − { $per_day } × { $days } 天。请更频繁地重训练，或根据 PSI 监控触发重训练。

## The class view and the report page

choice-static = 静态批处理
choice-dynamic = 动态批处理
choice-continuous = 连续批处理
choice-gpus = { $gpus } × H100
class-counted-some = 统计了 { $students } 名学生中的 { $counted } 名（其余没有实验 1–15）。
class-counted-all = 统计了全部 { $students } 名学生。
answer-memory-bw = A · 内存带宽
answer-queuing = B · 排队
answer-serial-fraction = C · 串行比例
answer-drift = D · 分布漂移
answer-cloud-oom = A · 云端（内存）
answer-edge-latency = B · 边缘（延迟）
answer-mobile-oom = C · 移动端（内存）
answer-tiny-oom = D · TinyML（SRAM）

## The world's captions

frame-readout = { $fps } fps · 每帧 { $ms } ms
queue = { $waiting } 个等待中
queue-hidden = { $waiting } 个等待中（另有 { $hidden } 个未画出）
memory-bar = 内存 { $used } / { $capacity } { $unit }
memory-bar-over = { $bar } · 内存不足：超出 { $over } { $unit }
memory-part = { $part } { $amount }
memory-parts = 内存（{ $unit }）：{ $parts }
chips-none = { $gpus ->
        [one] { $gpus } 块 GPU
       *[other] { $gpus } 块 GPU
    }：模型装不下
chips-replicas = { $gpus ->
        [one] { $gpus } 块 GPU
       *[other] { $gpus } 块 GPU
    } = { $replicas ->
        [one] { $replicas } 个副本
       *[other] { $replicas } 个副本
    }
chips-tp = { $gpus } 块 GPU = { $replicas } × TP{ $tp }（每层 all-reduce）
server = 服务器 { $number }
step-label = 每副本批大小 { $batch }/{ $max }
    每步 { $step } ms · { $bound }
compute-bound = 受算力限制
memory-bound = 受内存限制
accuracy-gauge = 准确率 { $accuracy }%，漂移 { $days } 天后 { $after }%
gauge-scale = { $min }–100% · 低于 { $warn }% 时发出漂移警告

## The live instruments

histogram-empty = 最近 { $span } 秒内还没有云端请求得到回答。
histogram-caption = 最近 { $span } 秒：{ $requests } 个云端请求 · P50 { $p50 } · P99 { $p99 }
strip-model = {" "}· 模型 { $p99 }
strip-first-window = 在更改后最初 { $window } 秒内到达的（过载：从空队列开始）
strip-steady = 最近 { $window } 秒内的（稳态）
strip-caption = { $which }请求的首 token 时间 P99（仍在等待的请求按已等待时间计）：{ $p99 }{ $model } · 每秒 { $rps } 个首 token
strip-tput = 已处理 请求/s（顶部 = { $max }）
assignment-params = { $quant }（{ $params } 参数）
class-act1 = 第一幕：{ $answer }（{ $judged }）
class-act2 = 第二幕：{ $answer }（{ $judged }）
judged-right = 正确
judged-wrong = 错误
judged-not = 未判定
answer-none = 无
class-design-valid = 设计：有效
class-design-invalid = 设计：无效

## The live physics panel

tier-hardware-count = { $tier }（{ $hardware } ×{ $gpus }）
tier-with-device = { $tier }（{ $device }）
unit-gb = { $value } GB
unit-kb = { $value } KB
unit-req-s = { $value } 请求/s
percent = { $value }%
figure-model = 模型 { $value }
figure-ram = 内存 { $value }
figure-latency = 延迟 { $value }
figure-precision = 精度 { $value }
tier-fail = 未通过
tier-ok = 通过
tile-p99 = P99（SLO < { $slo }）
tile-cost = 成本/请求（SLO < ${ $slo }）
tile-accuracy = 准确率（目标 > { $target }%）
tile-after-drift = 漂移后（{ $days } 天）
tile-capacity = 容量（ρ = { $rho }）
tile-availability = 可用性（SLO { $slo }%）
tile-p99-full = 完整回答 P99（不考核）
measured-p99-ttft = 首 token 时间 P99
measured-p50-ttft = 首 token 时间 P50
measured-p99-full = 完整回答 P99
measured-served = 已处理（请求/s）
measured-waiting = 等待空位
measured-rejected = 被拒绝（队列已满）
measured-sim-value = 模拟 { $value }
measured-model-value = · 模型 { $value }
little-measured = 利特尔定律实测：L = 系统中 { $l } 个请求；λ·W = { $lw }
world-in-words-line = { $tier }：{ $mark } { $line }

## The HUD

hud-lab = 实验 16 · 综合实验
hud-correct = 正确
hud-incorrect = 错误
hud-valid = 有效
hud-infeasible = 不可行
hud-saved = 第 16 章已保存
hud-not-saved = 尚未保存
hud-memory-only = 仅在内存中
hud-save-failed = 保存失败

## The invariants

invariant-iron-law = 铁律
    .heading = 1. 铁律（内存带宽）
    .equation = T_total = D / BW + O / R + L
    .note = D 为搬运的字节数，BW 为带宽，O 为运算次数，R 为每秒运算次数，L 为固定延迟。
    .synthesis = 铁律 → 云端延迟
    .synthesis-body = 每个解码步都要从 HBM 读取权重和 KV 缓存：t_step ≈ 字节数 / (η · BW)。每参数字节更少、KV 缓存更小，每一步就更快。
invariant-memory-wall = 内存墙
    .heading = 2. 内存墙（内存占用）
    .equation = 内存 = 参数量 × 每参数字节 + KV 缓存 + 激活
    .note = FP16 每参数 2 字节，INT8 1 字节，INT4 0.5 字节。
    .synthesis = 内存墙 → 层级可行性
    .synthesis-body = 只有权重 + KV 缓存 + 运行时都装进其内存，一个层级才能工作。在云端，扣除权重后剩下的空间决定了最大批大小。
invariant-amdahl = 阿姆达尔
    .heading = 3. 阿姆达尔定律（并行上限）
    .equation = 加速比 = 1 / (S + (1 − S) / N)
    .note = S 为串行比例，N 为并行单元数；无论 N 多大，上限都是 1/S。
    .synthesis = 阿姆达尔 → 扩展上限
    .synthesis-body = 把一个模型拆到多块 GPU 上（张量并行）只能加速受带宽限制的部分；每步的固定开销和 all-reduce 就是串行比例。而副本则能扩展容量。
invariant-roofline = Roofline
    .heading = 4. Roofline（性能上限）
    .equation = 性能 = min(峰值 FLOPS, 计算强度 × BW)
    .note = 脊点 AI* = 峰值 FLOPS / BW；低于它的内核受内存限制。
    .synthesis = Roofline → 受内存限制还是受算力限制
    .synthesis-body = 小批量解码远低于脊点：受内存限制。长提示词的 prefill 受算力限制。批处理让解码向脊点移动。
invariant-littles-law = 利特尔定律
    .heading = 5. 利特尔定律（队列深度）
    .equation = L = λ × W
    .note = L 为系统中的请求数，λ 为到达率，W 为在系统中的时间；当利用率 → 1 时，W → ∞。
    .synthesis = 利特尔定律 → 队列
    .synthesis-body = 在途请求数 = 到达率 × 在系统中的时间。当利用率接近 1 时，等待空位的时间无限增长，P99 远远甩开均值。
invariant-drift = 漂移
    .heading = 6. 性能退化（漂移）
    .equation = 准确率(t) = 准确率₀ − λ × PSI(t)
    .note = PSI 为群体稳定性指数，λ 为敏感度。
    .synthesis = 性能退化 → 重训练周期
invariant-fairness = 公平性
    .heading = 7. 公平性与准确率（Chouldechova 2017）
    .equation = 基础比率不同 ⇒ DP ∩ EO ∩ CA = ∅
    .note = 没有分类器能同时满足人口统计均等、均等化几率和校准。
    .synthesis = 公平性 → 准确率
    .synthesis-body = 把组间批准率差距压到其基础比率差值以下会损失准确率，阈值越严，损失越大。

## Act I and the ledger

import-pasted = 粘贴的文本
import-from = 从 { $source } 导入
import-entries = { $entries } 条记录，章节 { $chapters }
import-no-problems = 未发现问题。
import-file-unreadable = 无法读取该文件：{ $detail }
import-failed = 无法导入：{ $error }。没有做任何更改。
import-problems = 发现 { $problems } 个问题（已按说明读取）：
reading-sample = 正在读取示例账本：{ $sample }
diagnosis = 你的账本显示（{ $labs } 个实验）：按预测正确率，你最薄弱的不变量是{ $weakest }。你在 { $hits } 个实验中触发了约束，预测正确率为 { $correct }%。

## The class view

act1-short = 第一幕
act2-short = 第二幕
class-judged-right = { $title }：{ $judged } 人中 { $correct } 人判定正确
class-labs-bar = { $labs } 个实验
class-ch16-counts = { $submitted } 人提交 · { $valid } 人得到有效设计 · { $unsubmitted } 人锁定了预测但从未提交
class-student-of = 第 { $student } 位，共 { $students } 位
class-student-card = 完成 { $labs }/15 个实验 · 预测正确 { $correct }% · 最薄弱：{ $weakest }
class-students-skipped = { $students } 名学生 · 跳过 { $skipped } 个无法读取的{ $skipped ->
        [one] 文件
       *[other] 文件
    }
class-student = 学生 { $number }
class-student-named = { $student }（{ $source }）

## Charts and dialogs

invariant-no-labs = { $name }（无实验）
map-x-axis = 内存占用（GB，对数）
map-y-axis = 延迟（ms，对数）
map-slo-zone = SLO 区域
map-budget = { $tier }预算
shortcuts-title = 键盘快捷键
dot-scale = 1 个点 = { $requests ->
        [one] { $requests } 个请求
       *[other] { $requests } 个请求
    }

## Act II

act2-brief = “你负责一个新的 { $billions }B 参数 LLM 推理服务的架构。它必须把 P99 控制在 { $p99 } ms 以内，每个请求成本低于 ${ $cost }，总计每秒处理 { $rps } 个请求，并保持 { $availability }% 的在线时间。它横跨全部四个层级：云端主干、边缘缓存、移动端本地推理，以及 TinyML 触发器。每一个决定都必须尊重物理规律 —— 没有例外，不能含糊。”
locked-answer = 预测已锁定：{ $answer }
serving-static = 静态
serving-dynamic = 动态
serving-continuous = 连续
feasible-summary = 云端：{ $gpus } × H100，{ $cloud } 权重，{ $serving }服务
    边缘：{ $edge }   移动端：{ $mobile }   TinyML：{ $tiny }
    每 { $days } 天重训练一次
    P99 { $p99 } · { $cost }/请求 · 准确率 { $accuracy }%

    { $next }

## The world

mem-weights = 权重
mem-kv = KV 缓存
mem-workspace = 工作区
speed-slow = 慢
speed-normal = 正常
speed-fast = 快
class-named-hardest = { $total } 人中有 { $count } 人认为它最难
device-first-token = 首 token { $first } · { $answer } 内回答
device-answer = { $answer } 内回答

## The formula trace

trace-memory = 内存墙
    .formula = 每副本：{ $weights } GB 权重 + { $kv } GB KV（{ $seq } 序列 x { $tok } tok x { $kib } KiB）+ { $workspace } GB 工作区/GPU
    .result = 最大批大小 { $max_batch }
trace-roofline = Roofline
    .formula = t_step = max(字节 / ({ $mem_eff } x { $bw } GB/s), 2PB / ({ $compute_eff } x { $tflops } TFLOPS)) + 开销，B = { $batch }
    .result = { $step } ms/步
trace-capacity = 容量
    .formula = rho = { $lambda } 请求/s / ({ $replicas } 副本 x TP{ $tp }，{ $serving ->
        [static] 静态
        [dynamic] 动态
       *[continuous] 连续
    }服务) = { $lambda } / { $capacity }
    .result = rho = { $rho }
trace-little = 利特尔定律
    .formula = L = lambda x W_queue = { $lambda } 请求/s x { $wait } s
    .result = { $queue } 个请求在等待
trace-ttft-none = P99 TTFT
    .formula = 没有副本能装下模型：没有请求得到回答
    .result = 无服务
trace-ttft = P99 TTFT
    .formula = 排队 { $queue } ms + prefill { $prefill } ms + 迭代 { $iterations } ms
    .result = { $ttft } ms（SLO { $slo } ms）
trace-cost-served = 成本
    .formula = 成本/请求 = ({ $gpus } x ${ $price }/h) / ({ $served } 请求/s 已处理 x 3600)
    .result = ${ $cost }
trace-cost-none = 成本
    .formula = 成本/请求 = ({ $gpus } x ${ $price }/h) / ({ $served } 请求/s 已处理 x 3600)
    .result = 无服务：没有每请求成本
trace-availability = 可用性
    .formula = P({ $replicas } 个副本中足够多在线)，每个在线率 { $replica_up }，分布在 { $servers } 台服务器上，每台在线率 { $server_up }
    .result = { $availability }（需要 { $need }）
trace-fairness = 公平性
    .formula = kappa x max(0, 差距 { $gap }% - 阈值 { $threshold }%) = { $kappa } x { $over }
    .result = 放弃 { $points } 个百分点的准确率
trace-drift = 漂移
    .formula = { $accuracy }% - { $per_day } x { $days } 天
    .result = { $after }%
trace-tiny-sram = TinyML SRAM
    .formula = { $params } 参数 x { $bytes } B / 1024 + arena { $arena } KiB
    .result = { $footprint } KiB / { $sram } KB
trace-tiny-latency = TinyML 延迟
    .formula = { $macs } MAC / ({ $per_cycle } MAC/周期 x { $mhz } MHz)
    .result = { $ms } ms
trace-course-iron-law = 铁律
    .formula = T_cloud = { $tokens } token / ({ $tok_s } tok/s){" "}
    .result = { $p99 } ms
trace-course-memory = 内存墙
    .formula = cloud_mem = { $billions }B x { $bytes } B/参数 + KV
    .result = { $gb } GB
trace-course-cost = 成本
    .formula = 成本/请求 = ({ $gpus } x ${ $price }/h) / ({ $per_hour } 请求/h)
    .result = ${ $cost }

## MathPeek II

peek-iron = 1. 铁律 → 云端延迟
    .equation = T = D / BW + O / R + L
    .worked = 批大小 { $batch } 时的一个解码步：D = { $gb } GB（权重和 KV 缓存），带宽 { $bw } GB/s，耗时 { $mem_ms } ms；O = 2 × P × B = { $tflop } TFLOP，算力 { $peak } TFLOPS，耗时 { $comp_ms } ms；两者重叠，取较大者，再加上 L = { $fixed_ms } ms 的固定开销：每步 { $step_ms } ms。首 token 时间的 P99 再加上排队和 prefill：{ $ttft ->
        [none] 无服务
       *[other] { $ttft } ms
    }。
peek-memory = 2. 内存墙 → 层级可行性
    .equation = 权重 + KV 缓存 + 工作区 ≤ 内存
    .worked = 每个云端副本：{ $weights } GB 权重 + { $kv } GB KV 缓存（{ $batch } 个序列）= { $replica } GB，另加每块 GPU { $workspace } GB 工作区，运行在 { $tp } × { $ram } GB 上；最多容纳 { $max_batch } 个序列。TinyML：{ $tiny } KiB，SRAM 为 { $sram } KB{ $oom ->
        [yes] （内存不足）
       *[no] {""}
    }。
peek-amdahl = 3. 阿姆达尔定律 → 扩展上限
    .equation = 加速比(N) = 1 / (S + (1 − S) / N)
    .worked = 把一份模型拆到 { $gpus } 块 GPU 上，批大小 1 的一步从 { $one } ms 降到 { $many } ms：期望 { $gpus } 倍，实际 { $speedup } 倍，所以 S = { $serial }（每步固定开销和 all-reduce）。这就是此设计运行 { $replicas } 个副本、每个 { $tp } 块 GPU 的原因。
peek-amdahl-slower = 3. 阿姆达尔定律 → 扩展上限
    .equation = 加速比(N) = 1 / (S + (1 − S) / N)
    .worked = 把一份模型拆到 { $gpus } 块 GPU 上反而让批大小 1 的一步变慢：{ $many } ms 而不是 { $one } ms。并行读取权重节省了 { $saved } ms，但每层两次 all-reduce 花费 { $allreduce } ms。阿姆达尔定律在这里无从分摊：拆分增加的比它并行化的更多。这就是此设计运行 { $replicas } 个副本、每个 { $tp } 块 GPU 的原因。
peek-roofline = 4. Roofline → 受内存限制还是受算力限制
    .equation = AI* = R / BW;  AI(step) = O / D
    .worked = 脊点 { $peak } TFLOPS / { $bw } GB/s = 每字节 { $ridge } FLOP。这一步：{ $tflop } TFLOP / { $gb } GB = 每字节 { $intensity } FLOP，因此它{ $bound ->
        [compute] 受算力限制：更多 FLOPS 有帮助，更少字节没有帮助
       *[memory] 受内存限制：更多 FLOPS 没有帮助，更少字节有帮助
    }。
peek-little = 5. 利特尔定律 → 队列
    .equation = L = λ × W;  ρ = λ / μ
    .worked = 到云端的 λ = { $lambda } 请求/s，它能处理的 μ = { $mu } 请求/s：ρ = { $rho }。等待中：{ $served } 请求/s × { $wait } s = { $queue } 个请求。首 token 时间 P99 为 { $ttft ->
        [none] 无服务
       *[other] { $ttft } ms
    }，SLO 为 { $slo } ms。
peek-drift = 6. 性能退化 → 重训练周期
    .equation = Acc(t) = Acc₀ − λ_drift × t
    .worked = { $accuracy }% − 每天 { $per_day } × { $days } 天 = 每次重训练前的 { $after }%。
peek-fairness = 7. 公平性 → 准确率
    .equation = 代价 = κ × max(0, Δ − 阈值)
    .worked = { $kappa } × max(0, { $gap } − { $threshold }) = { $kappa } × { $over } = 为把差距控制在 { $threshold }% 而放弃的 { $points } 个百分点准确率。
peek-course-iron = 1. 铁律 → 云端延迟
    .equation = T = token 数 / (BW × N / (参数量 × 每参数字节) × 服务倍数)
    .worked = { $tokens } / ({ $bw } GB/s × { $gpus } / ({ $params } × { $bytes } B) × { $mult }) = { $p99 } ms。
peek-course-memory = 2. 内存墙 → 层级可行性
    .equation = 模型 + KV 缓存 ≤ 内存
    .worked = 云端：{ $cloud } GB，容量 { $ram } GB。TinyML：{ $tiny } KB，SRAM 为 { $sram } KB。
peek-course-amdahl = 3. 阿姆达尔定律 → 扩展上限
    .equation = 加速比(N) = 1 / (S + (1 − S) / N)
    .worked = 课程的云端速度随 { $gpus } 块 GPU 线性增长：它假设 S = 0。
peek-course-roofline = 4. Roofline → 受内存限制还是受算力限制
    .equation = AI* = R / BW
    .worked = 脊点 { $peak } TFLOPS / { $bw } GB/s = 每字节 { $ridge } FLOP；批大小 1 的解码每读取一个参数约做 2 FLOP：受内存限制。
peek-course-little = 5. 利特尔定律 → 队列
    .equation = L = λ × W
    .worked = { $rps } 请求/s × { $seconds } s = 系统中 { $requests } 个请求（课程的 P99 没有排队）。
peek-course-fairness = 7. 公平性 → 准确率
    .equation = 差距 ≤ 阈值 ⇒ 放弃的准确率 ∝ 基础比率差异
    .worked = 无论阈值是多少（{ $threshold }%），课程的模型都让准确率保持在 { $accuracy }%。

## The choices a design is made of

choice-name-cloud-gpus = 云端 GPU
choice-name-weights = 云端权重
choice-name-kv-cache = 云端 KV 缓存
choice-name-serving = 服务策略
choice-name-edge-weights = 边缘权重
choice-name-mobile-weights = 移动端权重
choice-name-tiny-params = TinyML 参数量
choice-name-tiny-precision = TinyML 精度
lab-number = 实验 { $lab }

## The class report page

page-title = 班级报告 — The Architect's Audit
page-heading = 班级报告
page-lede = 名学生 · 跳过 { $skipped } 个无法读取的{ $skipped ->
        [one] 文件
       *[other] 文件
    }
page-model-heading = 全班的心智模型
page-model-explain = 全班各不变量的预测正确率：平均值，以及第一和第三四分位数（班级中间一半的学生位于两者之间）。
page-invariant = 不变量
page-invariant-students = 做过相关实验的学生
page-mean-accuracy = 平均正确率
page-iqr = 四分位距
page-hit-rate = 约束触发率（平均）
page-weakest-heading = 每位学生最薄弱的是哪条不变量
page-labs-heading = 已完成实验
page-ch16-heading = 第 16 章（首次尝试）
page-ch16-counts = { $submitted } 人提交 · { $valid } 人得到有效设计 · { $unsubmitted } 人锁定了预测但从未提交
page-prediction = 预测
page-answer = 答案
page-students = 学生数
page-hardest-heading = 预计最难的层级（第二幕）
page-tier = 层级
page-q1 = Q1（第 25 百分位）
page-mean = 平均值
page-q3 = Q3（第 75 百分位）
page-radar-title = 各不变量的预测正确率，0-100%（环线为 25、50、75、100%）
page-weakest-chart = 最薄弱的不变量：学生数
page-labs-chart = 已完成实验 1–15：学生数
page-right-of-judged = 正确（已判定者中）
page-of = { $part }/{ $whole }
percent-spaced = { $value }%
page-failures-chart = 首次尝试未通过各项检查的学生数
page-gpus-chart = 选择的云端 GPU 数：学生数
page-failure = { $recorded } 人中有 { $students } 人未通过“{ $check }”{ $serving }
page-failure-serving = ；其中 { $count } 人使用了{ $serving }
page-failures-unlisted = 有 { $designs } 个未通过的设计保存时没有记录未通过的检查项
page-no-failures = 没有首次尝试未通过任何检查。
page-choice = 选项
page-students-per-option = 每个选项的学生数
page-none-passed = 没有首次尝试通过。
page-no-design = 未提交设计
page-yes = 是
page-no = 否
page-student = 学生
page-passed = 通过
page-failed = 未通过
page-built = 全班构建了什么（首次尝试）
page-design-counts = 提交了 { $recorded } 个设计 · { $passed } 个通过 · { $groups } 种不同的通过设计
page-where-failed = 在哪里失败
page-the-choices = 各项选择
page-passing-grouped = 通过的设计（分组）
page-each-design = 每位学生的设计
choice-not-recorded = 未记录
intro-tier = { $tier } — { $device }

## The ledger's reader. The paths are JSON paths ($.history[2].chapter) and stay as they are.

json-null = null
json-boolean = 布尔值
json-number = 数字
json-string = 字符串
json-list = 列表
json-object = 对象
ledger-error-at = { $path }：{ $what }
ledger-empty = 账本为空
ledger-not-json = 不是有效的 JSON（第 { $line } 行，第 { $column } 列）：{ $detail }
ledger-not-object = 账本应是一个 JSON 对象，实际是{ $kind }
ledger-history-kind = history 必须是列表或以章节为键的对象，实际是{ $kind }
ledger-lone-surrogates = { $count } 个孤立的 UTF-16 代理转义（如 \ud800）无法作为文本保存；每个都读作 U+FFFD
ledger-duplicate-key = { $path }：键 `{ $key }` 出现了不止一次；只保留最后一个
ledger-no-design = { $path }：没有设计；按空读取
ledger-design-kind = { $path }：设计是{ $kind }；按空读取
ledger-history-missing = 缺少 $.history；按空读取
ledger-track-kind = $.track 是{ $kind }；已忽略
ledger-chapter-kind = $.current_chapter 是{ $kind }；按 0 读取
ledger-entry-kind = { $path } 是{ $kind }，不是对象；已跳过（按原样保留）
ledger-chapter-missing = 缺少 { $path }.chapter；已跳过（按原样保留）
ledger-chapter-bad = { $path }.chapter { $value } 不是章节号；已跳过（按原样保留）
ledger-chapter-read-as = { $path }.chapter { $value } 读作 { $chapter }
ledger-key-not-chapter = { $path }：键不是章节号；已跳过（按原样保留）
ledger-event-pinned = 无法读取保存的账本；其字节已保留为无法读取的副本 { $id }
ledger-event-migrated = 账本已迁移到新的存储格式（已先备份）
ledger-event-migration-failed = 迁移未写入：{ $detail }

## Languages, each by its own name

language = 语言
lang-name-en = English
lang-name-es = Español
lang-name-zh = 中文（简体）
lang-name-pseudo = Pseudo (en-XA)
