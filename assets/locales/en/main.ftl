# The Architect's Audit: the English catalogue, the source for every other language.
# Numbers arrive formatted; { $name } is an argument.

# A tier node's line before the Act II lock.
tier-waiting = awaiting your design

# A tier whose model does not fit its memory.
tier-oom = out of memory · not in use

# The HUD's Act II answer before the reveal.
hud-locked = locked

# The ledger panel's record section.
reading-notes = How your ledger was read

backups = Backups

backups-explain = A copy is kept before every import, restore or fresh start. Restoring one keeps a copy of what is there now, so nothing is lost.

restore = Restore

window-title = The Architect's Audit — ML Systems Lab 16

title = The Architect's Audit

subtitle = Volume I, Lab 16 (capstone)

source-label = Users

tier-cloud = Cloud
tier-edge = Edge
tier-mobile = Mobile
tier-tiny = TinyML

panel-metrics = Live physics

stage-1 = Stage 1 — Cloud hardware

stage-2 = Stage 2 — Quantisation

stage-3 = Stage 3 — Serving strategy

stage-4 = Stage 4 — Retraining cadence

stage-5 = Stage 5 — Fairness threshold

stage-tiny = TinyML sub-model

label-gpus = H100 GPUs

label-q-cloud = Cloud weights

label-q-edge = Edge weights

label-q-mobile = Mobile weights

label-kv = Cloud KV cache

label-cadence = Days between retrains

label-fairness = Max approval gap between groups (%)

label-tiny-params = Parameters

label-tiny-quant = Precision

label-model = Physics model

import-course-file = Import ~/.mlsys/ledger.json

reset-all = Reset all (R)

all-clear = All constraints met. Every tier fits in memory, and the cloud meets every SLO. (The latency SLO is the cloud's: edge, mobile and TinyML requests are judged on whether their device can serve them, and the world draws them the same way.)

intro-kicker = Machine Learning Systems · Volume I · Lab 16 · Capstone

intro-pitch = Fifteen labs taught you seven invariants, one at a time. This capstone uses all of them at once. First your Design Ledger shows what your intuition really looks like; then you deploy a 7B-parameter language model across four very different machines and find out which laws bite.

intro-acts-1 = Act I — Design Ledger archaeology · 12–15 min
intro-acts-2 = Act II — Full-stack design challenge · 20–25 min
intro-acts-3 = About 35–40 minutes in all · every tier active

# The introduction's badges ([`slo_line`] follows them).
intro-badges-1 = Iron Law  T = D/BW + O/R + L
intro-badges-2 = Amdahl  speed-up = 1 / (s + (1 − s)/N)
intro-badges-3 = Roofline ridge point
intro-badges-4 = Little's Law  L = λW
intro-badges-5 = Every tier can run out of memory

reading-title = Before you start

reading-note = Links open the textbook's public pages in your browser.

begin = Begin Act I

act1-title = Act I — Design Ledger archaeology

act1-from = Message from the Chief Architect

act1-message = "Before you lead the 7B rollout, show me you know your own blind spots. Across fifteen labs, which physical law did your gut get wrong most often? Check your record, not your memory. Good architects know exactly where their intuition fails."

act1-context = Every prediction you made and every constraint you tripped in Labs 01–15 is in your Design Ledger. Patterns in it show which invariants your intuition undervalues. Commit to your own diagnosis before you look at the summary.

act1-options-1 = A) Memory bandwidth — bandwidth, not compute, was the bottleneck more often than I expected (Iron Law, Roofline)
act1-options-2 = B) Queueing — I underestimated how far P99 pulls away from the mean at high utilisation (Little's Law, P99)
act1-options-3 = C) Serial fraction — I expected more from parallelism than it gave (Amdahl's Law, benchmarking)
act1-options-4 = D) Distribution drift — production data moved away from training data faster than I thought (PSI, MLOps)

lock = Lock my prediction

lock-hint = Choose an answer, then lock it (the button at the foot of this panel) to open the ledger summary. A locked prediction cannot be changed.

locked = Prediction locked

card-title = Mental Model Report Card — Labs 01–15

card-labs = Labs completed

card-accuracy = Predictions correct

card-hits = Constraint failures triggered

card-contexts = Deployment contexts

card-diagnosis = Diagnosis

card-weakest = Weakest invariant

card-failures-at = Constraint failures at

card-favourite = Favourite context

card-sparse = Fewer than 15 labs are recorded, so some figures fall back to neutral estimates (50 % for an invariant with no lab). Complete the missing labs for a full report.

radar-title = The seven invariants, 0–100 %

radar-explain = Green: how often your prediction was right for each invariant. Red: how often you tripped its failure state. A high red value means the physics surprised you: your mental model underrated how hard that invariant bites.

radar-accuracy = Prediction accuracy (%)

radar-hits = Constraint hit rate (%)

confirmed = Confirmed.

different = Different reading.

# The course's throughput check, which its banners leave out: what it asks and why it fails.
course-tput-title = Throughput check failed (the course's hidden check)

# What a figure shows when there is nothing to compute it from.
none-yet = —

no-labs-yet = no labs yet

no-failures = none

not-judged = Not judged yet.

# Explanations of the four Act I options, in option order.
act1-explain-1 = Memory bandwidth (Iron Law, Roofline) is the classic blind spot of engineers raised on operation counts. Peak FLOPS grow far faster than memory bandwidth, so a model that looks compute-bound on paper is usually bandwidth-bound in practice: every forward pass streams the weights from HBM to the cores. In T = D/BW + O/R + L, once D/BW dominates, more compute buys nothing.
act1-explain-2 = Queueing (Little's Law, P99) hides until it hurts. The mean latency looks fine while the tail explodes: near 80 % utilisation an M/M/1 queue's P99 is several times its mean. The trap is tuning the dashboard average while the SLO, which is a percentile, quietly fails. L = λW says exactly when the queue, not the model, becomes the bottleneck.
act1-explain-3 = The serial fraction (Amdahl's Law) is underestimated because more GPUs feel like proportionally more speed. A 5 % serial part caps the speed-up at 20× however many GPUs you add, and data loading, synchronisation and pre-processing add serial work that makes the cap arrive sooner than expected.
act1-explain-4 = Distribution drift (PSI, MLOps) is counter-intuitive because nothing in the code changes — the world does. Static benchmarks give no feel for how fast production data moves away from the training set. The population stability index can measure it, but without monitoring the decay is silent, as in Lab 03's silent-degradation scenario.


sparse-reading = Your Design Ledger is sparse, so the analysis falls back to the blind spot most common across students: the Memory Wall and the Roofline. Complete earlier labs for a personal reading.

mathpeek-act1 = The seven invariants of Volume I — the equations


to-act2 = On to Act II

act2-title = Act II — Full-stack design challenge

act2-from = System brief from the Lead Architect

act2-recs-title = From your earlier labs

act2-stages-intro = Work through the five stages. Each one brings an invariant into play, and the diagram updates as you go. Trip at least one failure state, then fix it.

finish = Submit this design

submit-title = Submit this design?

submit-confirm = Submit

submit-cancel = Keep designing

submit-passes = It meets every constraint.

submit-fails = It does not meet every constraint. What fails:

submit-note = Your first submitted attempt is the one your instructor's class report counts. Tab to Submit and press Enter, or press Escape to keep designing.

replay = Back to the design (a new submission is saved as a new entry)

new-run = Start over from the introduction

map-title = Memory vs latency, every tier

map-explain = Each tier sits at its memory footprint (x) and latency (y), both logarithmic. Dashed lines are the tiers' memory budgets; a cross marks a tier out of memory. The green band is the P99 SLO.

correct = Correct.

reassess = Reassessing.

mathpeek-act2 = How the seven invariants meet in this scenario

feasible-title = This design is feasible.

feasible-next = It meets every hard constraint. In production you would next set per-tier monitoring cadences and alert thresholds, plan an A/B rollout, and decide how traffic falls back when a lower tier is overloaded.

fix-title = Some constraints are violated — the usual fix sequence:

fix-steps-1 = Edge or mobile out of memory? Lower that tier's weight precision (INT8 or INT4).
fix-steps-2 = P99 or overload? Switch to continuous batching first, then add GPUs and shrink bytes per step (INT8 weights, INT8 KV cache).
fix-steps-3 = Cost? A request costs the GPUs' hourly price over the requests they serve: provision fewer or cheaper GPUs for the load.
fix-steps-4 = Availability? One GPU failing must not take the load beyond what the rest can carry: keep a spare.
fix-steps-5 = TinyML SRAM? Replace the LLM sub-model with a purpose-built keyword spotter of about 100K parameters.

takeaways-title = Key takeaways

takeaways-1 = 1. Tier boundaries are physics, not software settings. No hyperparameter moves one model across all four tiers: the Cortex-M7's 256 KB of SRAM and a phone's 5 W thermal budget do not move. Thermodynamics, memory physics and signal latency draw the lines, not framework versions or quantisation schemes. The architect's first job is knowing which limits can be negotiated and which are walls.
takeaways-2 = 2. All seven invariants act at once in production. The Iron Law sets cloud latency, Amdahl caps GPU scaling, the Memory Wall decides which tier can host which model, Little's Law predicts the P99 blow-up at high load, degradation sets the retraining cadence, and Chouldechova bounds the fairness–accuracy trade. You cannot optimise one in isolation: every control moves several constraints. The skill is reasoning about those interactions at system scale, not reciting formulas.

hud-labs = LABS

hud-acc = PREDICTION ACC

hud-weakest = WEAKEST

hud-act1 = ACT I

hud-act2 = ACT II

hud-p99 = P99

hud-cost = COST

hud-system = SYSTEM

hud-ledger = LEDGER

memory-only = Progress will not be saved: { $reason }

store-moved-aside = Your progress store could not be read ({ $why }). It was moved aside, unchanged, to { $to } (`architects-audit ledger backups` lists it), and the game started on a fresh store.

export-done = Exported to { $path }

export-downloaded = Exported to { $file } (downloaded)

export-failed = Export failed: { $error }

unreadable = Your stored Design Ledger could not be read. It has not been changed or replaced: a raw copy is kept. Export it to keep it, or start a new ledger.

export-raw = Export the unreadable copy

start-afresh = Start a new ledger (the copy stays in the backup)

ledger-section = Design Ledger

use-mine = My ledger

samples-label = …or try a sample student

import = Import a ledger…

import-paste = Paste ledger JSON here

import-preview = Preview

import-replace = Replace my ledger

import-merge = Merge into my ledger

import-merge-explain = Merge keeps your entries and adds the imported ones after them; where both record a chapter, the imported entry counts.

cancel = Cancel

export = Export my ledger (E)

import-file = Import from a file…

# What a cloud that serves nothing shows for its latency and its cost per request.
no-service = no service

# The keyboard shortcuts dialog.
shortcuts-1 = Enter
    .action = Begin / lock the chosen answer / move on / submit the design
shortcuts-2 = A–D
    .action = Choose an answer in a prediction lock
shortcuts-3 = Space
    .action = Pause or play the request flow
shortcuts-4 = Tab
    .action = Move focus to the next control (Shift+Tab: back)
shortcuts-5 = Space/Enter
    .action = Operate the focused control
shortcuts-6 = Arrows
    .action = Change the focused slider; on the side panel's edge, its width
shortcuts-7 = R
    .action = Reset all design controls (Act II; the ledger is kept)
shortcuts-8 = P
    .action = Projector profile on or off
shortcuts-9 = E
    .action = Export my ledger (a download on the web)
shortcuts-10 = F1 or ?
    .action = Show or hide this list
shortcuts-11 = F3
    .action = Frame rate and frame time
shortcuts-12 = F11
    .action = Full screen
shortcuts-13 = Esc
    .action = Close this list
shortcuts-14 = Left, Right, Home
    .action = Class view: previous / next student; back to the class

play = ▶ Play (Space)

pause = ⏸ Pause (Space)

play-touch = ▶ Play

pause-touch = ⏸ Pause

step = Step

# The particles' outcomes in the legend: each shape as drawn (a monospace glyph: egui's
# proportional font lacks them) and its name. On time, late, rejected.
outcomes-1 = on time
outcomes-2 = late (cloud SLO)
outcomes-3 = rejected

# Captions of the demo autoplay, in script order.
demo-captions-1 = Demo — The Architect's Audit. Press any key or click to take over.
demo-captions-2 = Act I: before seeing the ledger, the student commits to a diagnosis.
demo-captions-3 = The report card: this student's predictions failed most on the Memory Wall.
demo-captions-4 = Act II: predict which tier will be hardest before touching the controls.
demo-captions-5 = The course's default design: 2 GPUs, FP16, dynamic batching. Queues explode and TinyML overflows.
demo-captions-6 = Continuous batching: requests join at every decode step. Better, but 2 GPUs are overloaded.
demo-captions-7 = Twelve GPUs in two servers: closer, but FP16 weights and KV cache still move too many bytes per step.
demo-captions-8 = INT8 weights and an INT8 KV cache: the cloud carries its load, with GPUs to spare if one fails.
demo-captions-9 = A 100K-parameter keyword spotter fits the 256 KB SRAM. All constraints are met.
demo-captions-10 = Submitted: the design is saved to the Design Ledger as chapter 16.

# The demo's captions 6 to 9 as the course-draft model has them.
demo-captions-course-draft-6 = Continuous batching: the course's formula counts 100 % of peak throughput instead of 80 %.
demo-captions-course-draft-7 = The course's GPU slider stops at 8: the design is held there, and its P99 drops as GPUs are added.
demo-captions-course-draft-8 = INT8 weights halve the bytes each token reads; the course shrinks its KV cache with them.
demo-captions-course-draft-9 = Under the course's formulas no design passes: the TinyML sub-model is fixed and never fits, and the throughput check is out of reach.

preferences = Display

# The side panel's edge, as a screen reader names it.
panel-edge = Side panel width (Left and Right arrows)

reduced-motion = Reduce motion: no pulsing, shaking or glow (requests still move)

projector = Projector profile (P): light, high contrast, larger

ui-scale = UI scale

measured-title = The simulated requests (last 30 s) beside the model

measured-wait = Gathering requests…



class-title = Class view

class-none = No ledger is loaded yet. Each student exports their Design Ledger (Export my ledger in the game, or `architects-audit ledger export`); open the files here together.

class-open = Open ledgers…

class-summary = Class

class-prev = ◀ Previous

class-next = Next ▶

class-radar = How often the class predicted right, per invariant

class-radar-key = Green: the class mean. Blue: the first and third quartiles (the middle half of the class lies between them). An axis marked "no labs" has no student with a lab on it.

class-weakest = Weakest invariant (students)

class-labs = Labs 1–15 completed (students)

class-ch16 = Chapter 16, first attempts

class-hardest = Tier expected to be hardest (Act II)

class-no-ch16 = No chapter 16 in this ledger.

class-design = Their design (first attempt)

class-drawn = The world draws this design, under the physics it was judged by:

class-not-drawn = This record does not hold the whole design (an older save), so the world shows the class.

class-failed = Failed

class-passing = Passing designs

class-names-hidden = File names are hidden (start with --show-names to see them).

instruments-title = Live instruments (the simulated requests)

histogram-x = time to first token (ms)


histogram-bars = requests (late ones amber)

slo-line-label = P99 SLO

histogram-key = Bars: requests by time to first token (amber past the SLO). Lines: P50 (blue), P99 (solid), the SLO (dashed red).

strip-key = Solid: P99 (log scale, left axis). Blue: requests served, scaled to its peak. Dashed red: the SLO. Dotted: a design change.

strip-x = seconds ago

strip-p99 = P99 time to first token

strip-change = design changed

strip-y = P99

# The marks that say a status without colour (egui's default fonts carry all three).



# The heading of the world's state in words (the design panel).
world-in-words = The world, tier by tier
world-readout-hint = Tap or point for the figures

act1-question = Looking back at Labs 01–15, which invariant did you underestimate most consistently?

act2-question = Before you configure anything: which tier will be the hardest constraint to satisfy?

act2-lock-hint = Lock a prediction (the button at the foot of this panel) to unlock the design instruments.

fix-footer = Every fix traces back to one of the seven invariants. Nothing is free.

class-keys = Keys: the Left and Right arrows step through the students; Home returns to the class.


## Design choices

serving-course-static = Static batch — simplest, { $peak } % of peak throughput
serving-course-dynamic = Dynamic batch — moderate complexity, { $peak } % of peak
serving-course-continuous = Continuous batching — { $peak } % of peak, built for LLMs
serving-systems-static = Static batches — fixed size, wait to fill, pad to the longest answer
serving-systems-dynamic = Dynamic batches — gather for { $window } ms, then run the batch to its end
serving-systems-continuous = Continuous batching — requests join and leave at every decode step
quant-full-accuracy = full accuracy
quant-accuracy-drop = −{ $drop } % accuracy
# $unit is "one" up to one byte a parameter, "many" above.
quant-label = { $name } — { $bytes } { $unit ->
        [many] bytes
       *[one] byte
    }/param, { $cost }
quant-fp16 = FP16
quant-int8 = INT8
quant-int4 = INT4
quant-ternary = Ternary
latency-note-systems = P99 here is the time to the first token under the full load, queueing included: a { $tokens }-token answer cannot finish in { $slo }, so the SLO checks how fast answers start.
latency-note-course = Course draft: P99 is the time for a whole { $tokens }-token answer at batch 1, with no queue — the course's original formula.
unit-ms = { $value } ms
slo-line = P99 < { $slo } · < ${ $cost } per request
act2-option-a = A) Cloud — the model won't fit in { $cloud } memory at FP16
act2-option-b = B) Edge — a { $edge } can't keep P99 under { $slo } at scale
act2-option-c = C) Mobile — a 7B model fits in { $gb } GB at no precision
act2-option-d = D) TinyML — not even ternary weights fit in { $kb } KB of SRAM
degradation-note = Accuracy falls about { $per_day } a day between retrains: 30 days costs { $month } points, 90 days { $quarter }.
model-systems = Systems (roofline + queueing, default)
model-course-draft = Course draft (the course's original formulas)

## Banner headlines

banner-cloud-oom = Cloud out of memory
banner-edge-oom = Edge out of memory
banner-mobile-oom = Mobile out of memory
banner-tiny-sram = TinyML SRAM overflow
banner-p99 = P99 latency SLO missed
banner-throughput = Cloud overloaded
banner-cost = Cost SLO missed
banner-availability = Availability SLO missed
banner-accuracy = Accuracy warning
banner-drift = Drift warning

## The brief's lines from the student's earlier labs

brief-compression = • Lab 10: you chose { $choice } compression — worth weighing for the edge and mobile tiers.
brief-p99 = • Lab 13: your P99 was { $ms } ms at your chosen load — this lab's { $slo } SLO is much tighter.
brief-p99-missing = • Lab 13 is not in this ledger, so there is no P99 of yours to set against this lab's { $slo } SLO.
brief-cadence = • Lab 14: your retraining cadence was { $cadence } — here four tiers drift at different rates.
cadence-days = { $days ->
        [one] { $days } day
       *[other] { $days } days
    }
cadence-psi = triggered by PSI monitoring
course-tput-detail = The course's formula compares tokens a second with requests a second times tokens: { $tok_s } tok/s × { $mult } ≥ { $rps } req/s × { $tokens } tokens, that is { $supply } ≥ { $demand }. It fails on every design, so no design passes under the course's formulas; its banners do not show it.
course-draft-note = Course draft: the notebook's formulas, kept exactly. Its GPU slider runs 1–8, so a larger cluster is brought down to 8 when you switch. No design can pass under them: the TinyML sub-model is fixed at { $params } { $quant } parameters and never fits { $kb } KB, and the throughput check asks for more tokens a second than 8 GPUs give. Choose it to see the course's numbers, not to win.

## The Act II reveal: why each answer is right or wrong

act2-explain-cloud-fits = The cloud's memory is not its problem: one { $gpu } holds the { $model } even at FP16.
act2-explain-cloud-splits = The cloud's memory is a problem only until the model is split: one { $gpu } cannot hold the { $model } at FP16, a tensor-parallel group can.
# $memory is one of the two sentences above.
act2-explain-cloud = { $memory } Its constraints are latency, capacity, cost and availability under load: carrying { $rps } requests a second with a first token within { $slo } takes many GPUs, the right precisions and continuous batching, and the KV cache, not the weights, is what fills each GPU and what each decode step reads.
act2-explain-edge = The edge is slow but not stuck: its answers take seconds, yet the verdict judges the cloud's SLO, and the edge's own constraint, memory, is met by { $passing } of its { $total } precisions on the { $device }.
act2-explain-mobile = Mobile memory has an engineering answer: { $passing } of its { $total } precisions fit the phone's { $gb } GB.
act2-explain-tiny-wall = The course's { $params }-parameter { $quant } sub-model needs { $kib } KiB of SRAM, about { $times }× the { $kb } KB the Cortex-M7 has: no precision fixes that, so for that model 256 KB is a wall.
act2-explain-tiny-course = { $wall } Under the course's formulas the sub-model is fixed: nothing in this lab makes it fit.
act2-explain-tiny-systems = { $wall } The size control replaces it with a member of another family, the { $family } ({ $params } parameters at its reference size), which fits: a different model, not the same one turned down.
answer-evidence = Under the { $model } physics the hardest tier is { $hardest }: it meets its own constraints in { $passing } of { $total } of its designs, the smallest share. Cloud: { $cloud } of { $cloud_total } configurations (GPUs, weight and KV precision, serving). Edge: { $edge } of { $edge_total } precisions. Mobile: { $mobile } of { $mobile_total } precisions. TinyML: { $tiny } of { $tiny_total } size and precision choices.
model-short-systems = systems
model-short-course-draft = course-draft

## Names

sample-strong = A strong student
sample-memory-wall = Memory-wall blind spot
sample-queuing = Queueing blind spot
sample-sparse = A sparse record (3 labs)
sample-empty = An empty ledger
context-edge = Edge (Jetson Orin)
context-mobile = Mobile (phone NPU)
context-tiny = TinyML (Cortex-M7)
context-cloud = Cloud (H100)
unit-s = { $value } s
unit-usd = ${ $value }

## Banner explanations, with the report's figures

banner-cloud-oom-detail = The cloud needs { $needs } GB but { $gpus } × { $device } offer { $offer } GB. { $fix } Or use INT8 weights.
banner-cloud-oom-fewest = It needs at least { $gpus } GPUs.
banner-cloud-oom-none = No number of GPUs on offer holds it.
banner-edge-oom-detail = The { $device } needs { $needs } GB of its { $has } GB. Quantise the edge to INT8 (about { $int8 } GB of weights) or INT4 (about { $int4 } GB).
banner-mobile-oom-detail = The phone needs { $needs } GB of its { $has } GB. Use INT4 or ternary weights on mobile.
banner-tiny-sram-detail-course = The course's TinyML sub-model ({ $params } parameters, { $quant }) needs { $needs } KB; the { $device } has { $has } KB of SRAM. Under the course's formulas the sub-model is fixed, so no control here makes it fit. Under the systems model a size control replaces it with a smaller keyword spotter.
banner-tiny-sram-detail = The TinyML sub-model needs { $needs } KB (weights and activations); the { $device } has { $has } KB of SRAM. No precision fixes this: use a purpose-built model under about { $ternary }M ternary ({ $ternary_bytes } byte each) or { $int8 }K INT8 parameters — a 100K-parameter keyword spotter fits.
banner-p99-detail-systems = P99 time to first token is { $p99 } against the { $slo } SLO (queue wait, prefill and one decode step, at { $util } % utilisation). Iron Law, T = D/BW + O/R + L: each decode step takes { $step } ms, { $bound }. Use continuous batching, add GPUs, or move fewer bytes per step (INT8 weights and KV cache).
banner-p99-compute-bound = most of it O/R, the arithmetic
banner-p99-memory-bound = most of it D/BW, moving the weights and KV cache from HBM
banner-p99-detail-course = Cloud P99 is { $p99 } against the { $slo } SLO. Decode is bandwidth-bound (Iron Law): every token reads the weights from HBM. Add GPUs, switch to continuous batching, or use fewer bytes per parameter.
banner-throughput-detail = The cloud can serve { $capacity } req/s but must carry { $load }: utilisation { $util } %. Queues grow without bound near 100 %. Add GPUs, batch continuously, or cut bytes per step.
banner-throughput-detail-course = The cloud cannot produce the tokens its share of traffic asks for.
banner-cost-detail = Each request costs ${ $cost }: the GPUs' hourly price over the requests they serve, above the ${ $slo } SLO. Provision fewer or cheaper GPUs for this load.
banner-availability-detail = With each GPU up { $gpu } % of the time and each { $per_node }-GPU server { $node } %, the load fits only { $fits } % of the time (SLO { $slo } %). Keep enough spare capacity that losing a GPU does not overload the rest; past one server, losing a whole server must not either.
# $fairness is empty, or banner-accuracy-fairness.
banner-accuracy-detail = Effective accuracy is { $accuracy } % before drift. Ternary weights cost about { $ternary } points{ $fairness }: fine for a trigger model, not for the answers. Route precision-sensitive requests to the cloud.
banner-accuracy-fairness = {" "}and this fairness threshold costs { $points } more
banner-drift-detail = Retraining every { $days } days lets accuracy decay to { $after } %: Acc(t) = Acc₀ − λ·t = { $before } % − { $per_day } × { $days } days. Retrain more often, or trigger retraining from PSI monitoring.

## The class view and the report page

choice-static = static batches
choice-dynamic = dynamic batches
choice-continuous = continuous batching
choice-gpus = { $gpus } × H100
class-counted-some = Counted { $counted } of { $students } students (the others have no labs 1–15).
class-counted-all = Counted all { $students } students.
answer-memory-bw = A · Memory bandwidth
answer-queuing = B · Queueing
answer-serial-fraction = C · Serial fraction
answer-drift = D · Distribution drift
answer-cloud-oom = A · Cloud (memory)
answer-edge-latency = B · Edge (latency)
answer-mobile-oom = C · Mobile (memory)
answer-tiny-oom = D · TinyML (SRAM)

## The world's captions

frame-readout = { $fps } fps · { $ms } ms a frame
queue = { $waiting } waiting
queue-hidden = { $waiting } waiting (+{ $hidden } not drawn)
memory-bar = memory { $used } / { $capacity } { $unit }
memory-bar-over = { $bar } · OOM: { $over } { $unit } over
memory-part = { $part } { $amount }
memory-parts = memory ({ $unit }): { $parts }
chips-none = { $gpus ->
        [one] { $gpus } GPU
       *[other] { $gpus } GPUs
    }: the model does not fit
chips-replicas = { $gpus ->
        [one] { $gpus } GPU
       *[other] { $gpus } GPUs
    } = { $replicas ->
        [one] { $replicas } replica
       *[other] { $replicas } replicas
    }
chips-tp = { $gpus } GPUs = { $replicas } × TP{ $tp } (all-reduce each layer)
server = server { $number }
step-label = batch { $batch } of { $max } per replica
    step { $step } ms · { $bound }
compute-bound = compute-bound
memory-bound = memory-bound
accuracy-gauge = accuracy { $accuracy } %, { $after } % after { $days } days of drift
gauge-scale = { $min }–100 % · drift warning below { $warn } %

## The live instruments

histogram-empty = No cloud request answered in the last { $span } s yet.
histogram-caption = Last { $span } s: { $requests } cloud requests · P50 { $p50 } · P99 { $p99 }
strip-model = {" "}· model { $p99 }
strip-first-window = that arrived in the first { $window } s after the change (overloaded: from an empty queue)
strip-steady = of the last { $window } s (steady state)
strip-caption = P99 time to first token of the requests { $which }, one still waiting counted at its wait so far: { $p99 }{ $model } · first tokens { $rps } a second
strip-tput = served req/s (top = { $max })
assignment-params = { $quant } ({ $params } params)
class-act1 = Act I: { $answer } ({ $judged })
class-act2 = Act II: { $answer } ({ $judged })
judged-right = right
judged-wrong = wrong
judged-not = not judged
answer-none = none
class-design-valid = Design: valid
class-design-invalid = Design: not valid

## The live physics panel

tier-hardware-count = { $tier } ({ $hardware } ×{ $gpus })
tier-with-device = { $tier } ({ $device })
unit-gb = { $value } GB
unit-kb = { $value } KB
unit-req-s = { $value } req/s
percent = { $value }%
figure-model = Model { $value }
figure-ram = RAM { $value }
figure-latency = Latency { $value }
figure-precision = Precision { $value }
tier-fail = FAIL
tier-ok = OK
tile-p99 = P99 (SLO < { $slo })
tile-cost = Cost/req (SLO < ${ $slo })
tile-accuracy = Accuracy (target > { $target }%)
tile-after-drift = After drift ({ $days } d)
tile-capacity = Capacity (ρ = { $rho })
tile-availability = Availability (SLO { $slo }%)
tile-p99-full = P99 full answer (not checked)
measured-p99-ttft = P99 time to first token
measured-p50-ttft = P50 time to first token
measured-p99-full = P99 full answer
measured-served = Served (req/s)
measured-waiting = Waiting for a slot
measured-rejected = Rejected (queue full)
measured-sim-value = Simulated { $value }
measured-model-value = · Model { $value }
little-measured = Little's Law, measured: L = { $l } requests in the system; λ·W = { $lw }
world-in-words-line = { $tier }: { $mark } { $line }

## The HUD

hud-lab = LAB 16 · CAPSTONE
hud-correct = Correct
hud-incorrect = Incorrect
hud-valid = VALID
hud-infeasible = INFEASIBLE
hud-saved = ch16 saved
hud-not-saved = not saved yet
hud-memory-only = memory only
hud-save-failed = save failed

## The invariants, by the names the course records: each with its equation card (.heading,
## .equation, .note) and its synthesis (.synthesis; .synthesis-body, else the scenario's drift)

invariant-iron-law = Iron Law
    .heading = 1. Iron Law (memory bandwidth)
    .equation = T_total = D / BW + O / R + L
    .note = D bytes moved, BW bandwidth, O operations, R operations per second, L fixed latency.
    .synthesis = Iron Law → cloud latency
    .synthesis-body = Each decode step streams the weights and the KV cache from HBM: t_step ≈ bytes / (η · BW). Fewer bytes per parameter and a smaller KV cache mean faster steps.
invariant-memory-wall = Memory Wall
    .heading = 2. Memory Wall (footprint)
    .equation = Memory = params × bytes/param + KV cache + activations
    .note = FP16 2 bytes per parameter, INT8 1, INT4 0.5.
    .synthesis = Memory Wall → tier feasibility
    .synthesis-body = A tier works only if weights + KV cache + runtime fit its RAM. On the cloud, what is left after the weights sets the largest batch.
invariant-amdahl = Amdahl
    .heading = 3. Amdahl's Law (parallel ceiling)
    .equation = Speed-up = 1 / (S + (1 − S) / N)
    .note = S serial fraction, N parallel units; the ceiling is 1/S whatever N is.
    .synthesis = Amdahl → scaling ceiling
    .synthesis-body = Splitting one model over GPUs (tensor parallelism) speeds up only the bandwidth-bound part; fixed per-step costs and all-reduces are the serial fraction. Replicas scale capacity instead.
invariant-roofline = Roofline
    .heading = 4. Roofline (performance ceiling)
    .equation = Performance = min(peak FLOPS, intensity × BW)
    .note = Ridge point AI* = peak FLOPS / BW; below it a kernel is memory-bound.
    .synthesis = Roofline → memory- or compute-bound
    .synthesis-body = Decode at small batch sits far below the ridge point: memory-bound. Prefill of a long prompt is compute-bound. Batching moves decode toward the ridge.
invariant-littles-law = Little's Law
    .heading = 5. Little's Law (queue depth)
    .equation = L = λ × W
    .note = L requests in the system, λ arrival rate, W time in the system; as utilisation → 1, W → ∞.
    .synthesis = Little's Law → queues
    .synthesis-body = Requests in flight = arrival rate × time in system. As utilisation nears 1 the wait for a slot grows without bound, and P99 leaves the mean behind.
invariant-drift = Drift
    .heading = 6. Degradation (drift)
    .equation = Accuracy(t) = Accuracy₀ − λ × PSI(t)
    .note = PSI population stability index, λ sensitivity.
    .synthesis = Degradation → retraining cadence
invariant-fairness = Fairness
    .heading = 7. Fairness–accuracy (Chouldechova 2017)
    .equation = base rates differ ⇒ DP ∩ EO ∩ CA = ∅
    .note = No classifier has demographic parity, equalised odds and calibration at once.
    .synthesis = Fairness → accuracy
    .synthesis-body = Holding the approval gap between groups below its base-rate value costs accuracy, and the tighter the threshold the more it costs.

## Act I and the ledger

import-pasted = pasted text
import-from = Import from { $source }
import-entries = { $entries } entries, chapters { $chapters }
import-no-problems = No problems found.
import-file-unreadable = the file could not be read: { $detail }
import-failed = Cannot import: { $error }. Nothing was changed.
import-problems = { $problems } problems found (read as noted):
reading-sample = Reading the sample ledger: { $sample }
diagnosis = Your ledger says ({ $labs } labs): your weakest invariant by prediction accuracy is { $weakest }. You tripped constraints in { $hits } labs and predicted correctly { $correct }% of the time.

## The class view

act1-short = Act I
act2-short = Act II
class-judged-right = { $title }: { $correct } of { $judged } judged right
class-labs-bar = { $labs } labs
class-ch16-counts = { $submitted } submitted · { $valid } reached a valid design · { $unsubmitted } locked but never submitted
class-student-of = { $student } of { $students }
class-student-card = { $labs } of 15 labs · { $correct } % of predictions right · weakest: { $weakest }
class-students-skipped = { $students } students · { $skipped } unreadable { $skipped ->
        [one] file
       *[other] files
    } skipped
class-student = Student { $number }
class-student-named = { $student } ({ $source })

## Charts and dialogs

invariant-no-labs = { $name } (no labs)
map-x-axis = Memory footprint (GB, log)
map-y-axis = Latency (ms, log)
map-slo-zone = SLO zone
map-budget = { $tier } budget
shortcuts-title = Keyboard shortcuts
dot-scale = 1 dot = { $requests ->
        [one] { $requests } request
       *[other] { $requests } requests
    }

## Act II

act2-brief = "You lead the architecture of a new { $billions }B-parameter LLM inference service. It must hold P99 under { $p99 } ms, cost under ${ $cost } a request, serve { $rps } requests a second in total and stay up { $availability } % of the time. It spans all four tiers: a cloud anchor, an edge cache, on-device mobile, and a TinyML trigger. Every decision has to respect the physics — no exceptions, no hand-waving."
locked-answer = Prediction locked: { $answer }
serving-static = static
serving-dynamic = dynamic
serving-continuous = continuous
feasible-summary = Cloud: { $gpus } × H100, { $cloud } weights, { $serving } serving
    Edge: { $edge }   Mobile: { $mobile }   TinyML: { $tiny }
    Retraining every { $days } days
    P99 { $p99 } · { $cost }/req · accuracy { $accuracy } %

    { $next }

## The world

mem-weights = weights
mem-kv = KV cache
mem-workspace = workspace
speed-slow = Slow
speed-normal = Normal
speed-fast = Fast
class-named-hardest = { $count } of { $total } named it hardest
device-first-token = first token { $first } · answer in { $answer }
device-answer = answer in { $answer }

## The formula trace (the live physics panel, and the CLI's JSON in English). Each line names its
## law; .formula places the figures and .result the outcome.

trace-memory = Memory Wall
    .formula = per replica: { $weights } GB weights + { $kv } GB KV ({ $seq } seq x { $tok } tok x { $kib } KiB) + { $workspace } GB workspace/GPU
    .result = max batch { $max_batch }
trace-roofline = Roofline
    .formula = t_step = max(bytes / ({ $mem_eff } x { $bw } GB/s), 2PB / ({ $compute_eff } x { $tflops } TFLOPS)) + overhead, B = { $batch }
    .result = { $step } ms/step
trace-capacity = Capacity
    .formula = rho = { $lambda } req/s / ({ $replicas } replicas x TP{ $tp }, { $serving ->
        [static] static
        [dynamic] dynamic
       *[continuous] continuous
    } serving) = { $lambda } / { $capacity }
    .result = rho = { $rho }
trace-little = Little's Law
    .formula = L = lambda x W_queue = { $lambda } req/s x { $wait } s
    .result = { $queue } requests waiting
trace-ttft-none = P99 TTFT
    .formula = no replica holds the model: no request is answered
    .result = no service
trace-ttft = P99 TTFT
    .formula = queue { $queue } ms + prefill { $prefill } ms + iterations { $iterations } ms
    .result = { $ttft } ms (SLO { $slo } ms)
trace-cost-served = Cost
    .formula = cost/req = ({ $gpus } x ${ $price }/h) / ({ $served } req/s served x 3600)
    .result = ${ $cost }
trace-cost-none = Cost
    .formula = cost/req = ({ $gpus } x ${ $price }/h) / ({ $served } req/s served x 3600)
    .result = no service: no cost per request
trace-availability = Availability
    .formula = P(enough of { $replicas } replicas up), each up { $replica_up }, in { $servers } server(s) each up { $server_up }
    .result = { $availability } (need { $need })
trace-fairness = Fairness
    .formula = kappa x max(0, gap { $gap }% - threshold { $threshold }%) = { $kappa } x { $over }
    .result = { $points } points of accuracy given up
trace-drift = Drift
    .formula = { $accuracy } % - { $per_day } x { $days } days
    .result = { $after } %
trace-tiny-sram = TinyML SRAM
    .formula = { $params } params x { $bytes } B / 1024 + arena { $arena } KiB
    .result = { $footprint } KiB of { $sram } KB
trace-tiny-latency = TinyML latency
    .formula = { $macs } MACs / ({ $per_cycle } MACs/cycle x { $mhz } MHz)
    .result = { $ms } ms
trace-course-iron-law = Iron Law
    .formula = T_cloud = { $tokens } tokens / ({ $tok_s } tok/s){" "}
    .result = { $p99 } ms
trace-course-memory = Memory Wall
    .formula = cloud_mem = { $billions }B x { $bytes } B/param + KV
    .result = { $gb } GB
trace-course-cost = Cost
    .formula = cost/req = ({ $gpus } x ${ $price }/h) / ({ $per_hour } req/h)
    .result = ${ $cost }

## MathPeek II: each invariant, its equation, and the equation worked with the design's figures

peek-iron = 1. Iron Law → cloud latency
    .equation = T = D / BW + O / R + L
    .worked = One decode step at batch { $batch }: D = { $gb } GB (weights and KV cache) at { $bw } GB/s = { $mem_ms } ms; O = 2 × P × B = { $tflop } TFLOP at { $peak } TFLOPS = { $comp_ms } ms; the two overlap, so the larger counts, plus L = { $fixed_ms } ms of fixed cost: { $step_ms } ms a step. The P99 time to first token adds the queue and the prefill: { $ttft ->
        [none] no service
       *[other] { $ttft } ms
    }.
peek-memory = 2. Memory Wall → tier feasibility
    .equation = weights + KV cache + workspace ≤ RAM
    .worked = Each cloud replica: { $weights } GB of weights + { $kv } GB of KV cache ({ $batch } sequences) = { $replica } GB, plus { $workspace } GB of workspace per GPU, on { $tp } × { $ram } GB; at most { $max_batch } sequences fit. TinyML: { $tiny } KiB against { $sram } KB of SRAM{ $oom ->
        [yes] {" "}(out of memory)
       *[no] {""}
    }.
peek-amdahl = 3. Amdahl's Law → scaling ceiling
    .equation = Speed-up(N) = 1 / (S + (1 − S) / N)
    .worked = Splitting one copy of the model over { $gpus } GPUs takes a batch-1 step from { $one } ms to { $many } ms: { $speedup }× where { $gpus }× was hoped, so S = { $serial } (fixed per-step costs and all-reduces). That is why this design runs { $replicas } replica(s) of { $tp } GPU(s) each.
peek-amdahl-slower = 3. Amdahl's Law → scaling ceiling
    .equation = Speed-up(N) = 1 / (S + (1 − S) / N)
    .worked = Splitting one copy of the model over { $gpus } GPUs makes a batch-1 step slower, { $many } ms instead of { $one } ms: reading the weights in parallel saves { $saved } ms, but the two all-reduces a layer cost { $allreduce } ms. Amdahl's Law has nothing to divide here: the split adds more than it parallelises. That is why this design runs { $replicas } replica(s) of { $tp } GPU(s) each.
peek-roofline = 4. Roofline → memory- or compute-bound
    .equation = AI* = R / BW;  AI(step) = O / D
    .worked = Ridge point { $peak } TFLOPS / { $bw } GB/s = { $ridge } FLOP per byte. This step: { $tflop } TFLOP / { $gb } GB = { $intensity } FLOP per byte, so it is { $bound ->
        [compute] compute-bound: more FLOPS would help, fewer bytes would not
       *[memory] memory-bound: more FLOPS would not help, fewer bytes would
    }.
peek-little = 5. Little's Law → queues
    .equation = L = λ × W;  ρ = λ / μ
    .worked = λ = { $lambda } req/s to the cloud, μ = { $mu } req/s it can serve: ρ = { $rho }. Waiting: { $served } req/s × { $wait } s = { $queue } requests. P99 time to first token { $ttft ->
        [none] no service
       *[other] { $ttft } ms
    } against { $slo } ms.
peek-drift = 6. Degradation → retraining cadence
    .equation = Acc(t) = Acc₀ − λ_drift × t
    .worked = { $accuracy } % − { $per_day } a day × { $days } days = { $after } % just before each retrain.
peek-fairness = 7. Fairness → accuracy
    .equation = cost = κ × max(0, Δ − threshold)
    .worked = { $kappa } × max(0, { $gap } − { $threshold }) = { $kappa } × { $over } = { $points } points of accuracy given up to hold the gap at { $threshold } %.
peek-course-iron = 1. Iron Law → cloud latency
    .equation = T = tokens / (BW × N / (parameters × bytes each) × serving multiplier)
    .worked = { $tokens } / ({ $bw } GB/s × { $gpus } / ({ $params } × { $bytes } B) × { $mult }) = { $p99 } ms.
peek-course-memory = 2. Memory Wall → tier feasibility
    .equation = model + KV cache ≤ RAM
    .worked = Cloud: { $cloud } GB on { $ram } GB. TinyML: { $tiny } KB against { $sram } KB of SRAM.
peek-course-amdahl = 3. Amdahl's Law → scaling ceiling
    .equation = Speed-up(N) = 1 / (S + (1 − S) / N)
    .worked = The course's cloud speed grows linearly with the { $gpus } GPUs: it assumes S = 0.
peek-course-roofline = 4. Roofline → memory- or compute-bound
    .equation = AI* = R / BW
    .worked = Ridge point { $peak } TFLOPS / { $bw } GB/s = { $ridge } FLOP per byte; batch-1 decode does about 2 FLOP per parameter read: memory-bound.
peek-course-little = 5. Little's Law → queues
    .equation = L = λ × W
    .worked = { $rps } req/s × { $seconds } s = { $requests } requests in the system (the course's P99 has no queue).
peek-course-fairness = 7. Fairness → accuracy
    .equation = gap ≤ threshold ⇒ accuracy given up ∝ base-rate difference
    .worked = The course's model leaves accuracy at { $accuracy } % whatever the threshold ({ $threshold } %).

## The choices a design is made of (the class view and the class report page)

choice-name-cloud-gpus = Cloud GPUs
choice-name-weights = Cloud weights
choice-name-kv-cache = Cloud KV cache
choice-name-serving = Serving strategy
choice-name-edge-weights = Edge weights
choice-name-mobile-weights = Mobile weights
choice-name-tiny-params = TinyML parameters
choice-name-tiny-precision = TinyML precision
lab-number = Lab { $lab }

## The class report page (class-report --html)

page-title = Class report — The Architect's Audit
page-heading = Class report
page-lede = students · { $skipped } unreadable { $skipped ->
        [one] file
       *[other] files
    } skipped
page-model-heading = The class's mental model
page-model-explain = How often the class predicted right, per invariant: the mean, and the first and third quartiles (the middle half of the class lies between them).
page-invariant = Invariant
page-invariant-students = Students with a lab on it
page-mean-accuracy = Mean accuracy
page-iqr = Interquartile range
page-hit-rate = Constraint-hit rate (mean)
page-weakest-heading = Which invariant is each student's weakest
page-labs-heading = Labs completed
page-ch16-heading = Chapter 16 (first attempts)
page-ch16-counts = { $submitted } submitted · { $valid } reached a valid design · { $unsubmitted } locked their predictions but never submitted
page-prediction = Prediction
page-answer = Answer
page-students = Students
page-hardest-heading = Tier expected to be hardest (Act II)
page-tier = Tier
page-q1 = Q1 (25th percentile)
page-mean = Mean
page-q3 = Q3 (75th percentile)
page-radar-title = Prediction accuracy by invariant, 0-100 % (rings at 25, 50, 75, 100 %)
page-weakest-chart = Weakest invariant: students
page-labs-chart = Labs 1–15 completed: students
page-right-of-judged = right (of those judged)
page-of = { $part } of { $whole }
percent-spaced = { $value } %
page-failures-chart = First attempts that failed each check: students
page-gpus-chart = Cloud GPUs chosen: students
# $serving is empty, or page-failure-serving.
page-failure = { $students } of { $recorded } failed “{ $check }”{ $serving }
page-failure-serving = ; { $count } of those ran { $serving }
page-failures-unlisted = { $designs } failing design(s) were saved without the list of checks they failed
page-no-failures = No first attempt failed a check.
page-choice = Choice
page-students-per-option = Students per option
page-none-passed = No first attempt passed.
page-no-design = no design submitted
page-yes = yes
page-no = no
page-student = Student
page-passed = Passed
page-failed = Failed
page-built = What the class built (first attempts)
page-design-counts = { $recorded } designs submitted · { $passed } passed · { $groups } distinct passing design(s)
page-where-failed = Where they failed
page-the-choices = The choices
page-passing-grouped = The passing designs, grouped
page-each-design = Each student's design
choice-not-recorded = not recorded
intro-tier = { $tier } — { $device }

## The ledger's reader: what it could not read, and how it read what was odd. The paths are
## JSON paths ($.history[2].chapter) and stay as they are in every language.

json-null = null
json-boolean = a boolean
json-number = a number
json-string = a string
json-list = a list
json-object = an object
ledger-error-at = { $path }: { $what }
ledger-empty = the ledger is empty
ledger-not-json = not valid JSON (line { $line }, column { $column }): { $detail }
ledger-not-object = a ledger is a JSON object, found { $kind }
ledger-history-kind = history must be a list or an object keyed by chapter, found { $kind }
ledger-lone-surrogates = { $count } lone UTF-16 surrogate escape(s) (such as \ud800) cannot be held as text; each was read as U+FFFD
ledger-duplicate-key = { $path }: the key `{ $key }` is given more than once; only the last is kept
ledger-no-design = { $path }: no design; read as empty
ledger-design-kind = { $path }: design is { $kind }; read as empty
ledger-history-missing = $.history is missing; read as empty
ledger-track-kind = $.track is { $kind }; ignored
ledger-chapter-kind = $.current_chapter is { $kind }; read as 0
ledger-entry-kind = { $path } is { $kind }, not an object; skipped (kept as stored)
ledger-chapter-missing = { $path }.chapter is missing; skipped (kept as stored)
ledger-chapter-bad = { $path }.chapter { $value } is not a chapter number; skipped (kept as stored)
ledger-chapter-read-as = { $path }.chapter { $value } read as { $chapter }
ledger-key-not-chapter = { $path }: key is not a chapter number; skipped (kept as stored)
ledger-event-pinned = the stored ledger could not be read; its bytes are kept as unreadable copy { $id }
ledger-event-migrated = the ledger was moved to the new storage format (backed up first)
ledger-event-migration-failed = migration not written: { $detail }

## Languages, each by its own name (the same in every catalogue, so a student finds theirs)

language = Language
lang-name-en = English
lang-name-es = Español
lang-name-zh = 中文（简体）
lang-name-pseudo = Pseudo (en-XA)
