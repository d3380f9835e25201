//! `architects-audit`: plays the capstone, or runs a headless command.
#![cfg_attr(target_arch = "wasm32", allow(dead_code, unused_imports))]

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use architects_audit::cli::{self, parse_resolution, parse_scale, parse_speed};
use architects_audit::physics::systems::{Attention, RooflineQuery};
use architects_audit::physics::{PhysicsModel, Quant, Scenario};

#[derive(Parser, Debug)]
#[command(
    name = "architects-audit",
    version,
    about = "The Architect's Audit: the ML Systems capstone lab (Volume I, Lab 16) as an interactive simulation",
    long_about = "With no subcommand, opens the game window. The subcommands are headless: they \
                  read JSON and write JSON, and need no display."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Physics model for play: systems (default) or course-draft (the course's formulas).
    #[arg(long, value_parser = cli::parse_model, global = true)]
    model: Option<PhysicsModel>,
    /// Language: en, es or zh-CN (default: the game's choice, else the system's; class-report: en).
    #[arg(long, value_parser = cli::parse_lang, global = true)]
    lang: Option<architects_audit::text::Lang>,
    /// Scenario file (default: the built-in capstone scenario).
    #[arg(long, global = true)]
    scenario: Option<PathBuf>,
    /// Start play with this Design Ledger imported (course JSON format).
    #[arg(long)]
    ledger: Option<PathBuf>,
    /// Play the lab by itself with captions, looping; any key or click takes over.
    #[arg(long)]
    demo: bool,
    /// Demo pace: 1 is normal, 2 twice as fast (0.25 to 4).
    #[arg(long, default_value_t = 1.0, value_parser = parse_speed)]
    demo_speed: f32,
    /// Colour profile: default, or projector (light, high contrast, larger).
    #[arg(long, value_parser = ["default", "projector"])]
    profile: Option<String>,
    /// UI scale, 1.0 to 2.5.
    #[arg(long, value_parser = parse_scale)]
    scale: Option<f32>,
    /// Reduced motion for this run: no pulsing, shaking or glow (the choice in the game is remembered).
    #[arg(long)]
    reduced_motion: bool,
    /// Touch-sized controls (44-point targets), as the web build gives a touch screen.
    #[arg(long)]
    touch: bool,
    /// Jump to a point of the demo script (act1-report, act2-fail, act2-pass, act2-submit) and stay there.
    #[arg(long, hide = true)]
    goto: Option<String>,
    /// With --goto: also show peek (MathPeek II open), instruments (the panel scrolled to
    /// them) or own-ledger (the student's own empty ledger, no sample).
    #[arg(long, hide = true, requires = "goto", value_parser = architects_audit::lab::demo::Show::NAMES)]
    show: Option<String>,
    /// Window size, WIDTHxHEIGHT (default 1280x720).
    #[arg(long, value_parser = parse_resolution)]
    resolution: Option<(u32, u32)>,
    /// Open the instructor's class view over these ledger files and folders (nothing is saved).
    #[arg(long, num_args = 1.., value_name = "PATH")]
    class: Vec<PathBuf>,
    /// In the class view, show each student's file name (they often carry the student's name).
    #[arg(long, requires = "class")]
    show_names: bool,
    /// In the class view, open on student N (1-based) instead of the class.
    #[arg(long, hide = true, requires = "class", value_parser = clap::value_parser!(u32).range(1..))]
    select: Option<u32>,
    /// Save a PNG of the window once the scene has settled, then exit.
    #[arg(long, hide = true)]
    screenshot: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
enum LedgerCmd {
    /// Summary of the stored ledger: chapters, attempts, backups, unreadable copies (JSON).
    Show,
    /// Print the stored ledger in the course's JSON format.
    Export {
        /// Write the bytes of the unreadable stored copy instead.
        #[arg(long)]
        raw: bool,
    },
    /// Import a ledger file (the stored one is backed up first).
    Import {
        file: PathBuf,
        /// Replace the stored ledger.
        #[arg(long, conflicts_with = "merge")]
        replace: bool,
        /// Add the file's entries after the stored ones (the default).
        #[arg(long)]
        merge: bool,
    },
    /// List the backups, newest first (JSON).
    Backups,
    /// Restore a backup by id, or the ledger of a store file moved aside by its name (as
    /// `backups` lists them); the stored ledger is backed up first.
    Restore { id: String },
}

#[derive(Subcommand, Debug)]
enum Command {
    /// The stored Design Ledger: show, export, import, backups, restore.
    Ledger {
        #[command(subcommand)]
        action: LedgerCmd,
        /// The data folder (default: the game's own; or ARCHITECTS_AUDIT_DATA_DIR).
        #[arg(long, global = true)]
        data_dir: Option<PathBuf>,
    },
    /// Evaluate designs (JSON Lines or one JSON object) and print one JSON report a line.
    Report {
        /// Designs file, or - for standard input.
        #[arg(long, default_value = "-")]
        design: String,
    },
    /// Run the live request simulation headless on designs (as `report` reads them) and print,
    /// a line each, its P99 and first-token rate beside the model's, over the model's window.
    Simulate {
        /// Designs file, or - for standard input.
        #[arg(long, default_value = "-")]
        design: String,
        /// Simulated seconds (default: two observation windows and a half).
        #[arg(long)]
        seconds: Option<f64>,
        #[arg(long, default_value_t = 16)]
        seed: u64,
    },
    /// Compute the Mental Model Report Card of Design Ledgers (JSON Lines or one JSON file).
    LedgerReport {
        /// Ledger file, or - for standard input.
        #[arg(long, default_value = "-")]
        ledger: String,
    },
    /// Summarise a class's Design Ledgers (files and folders; *.json one ledger, *.jsonl one a
    /// line) as one JSON document; optionally a self-contained HTML page.
    ClassReport {
        /// Ledger files and folders (searched recursively).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Also write the report as one HTML page (charts inline, no script, no links).
        #[arg(long)]
        html: Option<PathBuf>,
        /// Also write a gradebook CSV: one row per student (RFC 4180, UTF-8).
        #[arg(long)]
        csv: Option<PathBuf>,
        /// Name each student's file in the JSON and the CSV (file names often carry names).
        #[arg(long)]
        show_names: bool,
    },
    /// The Act II answer key the physics model earns, as JSON: each tier's passing designs out
    /// of its reachable ones, and the hardest tier (the smallest share).
    AnswerKey,
    /// Roofline of one decode step and prefill for a hardware/model pair, as JSON.
    Roofline(RooflineArgs),
}

/// The `roofline` command's arguments.
#[derive(clap::Args, Debug)]
struct RooflineArgs {
    /// Hardware name in the scenario (e.g. h100).
    #[arg(long)]
    hardware: String,
    /// Model name in the scenario (default: the scenario's deployed model).
    #[arg(long)]
    llm: Option<String>,
    /// Weight precision: fp16, int8, int4 or ternary.
    #[arg(long, value_parser = cli::parse_quant, default_value = "fp16")]
    quant: Quant,
    /// KV-cache precision: fp16 or int8.
    #[arg(long, value_parser = cli::parse_quant, default_value = "fp16")]
    kv_quant: Quant,
    /// Concurrent sequences in the batch.
    #[arg(long, default_value_t = 1.0)]
    batch: f64,
    /// Tensor-parallel degree (GPUs sharing one copy of the model).
    #[arg(long, default_value_t = 1)]
    tp: u32,
    /// How the decode kernel reads a grouped KV cache: grouped (each KV head once, as XQA
    /// and paged attention do) or per-query-head (once per query head sharing it, as
    /// TensorRT-LLM's kernel did before its grouped-query kernels).
    #[arg(long, value_parser = cli::parse_attention, default_value = "grouped")]
    attention: Attention,
    /// Prompt tokens (default: the scenario's).
    #[arg(long)]
    prompt: Option<f64>,
    /// Output tokens (default: the scenario's).
    #[arg(long)]
    output: Option<f64>,
    /// Run a batch that does not fit in memory at the most that does (the JSON reports
    /// `batch_clamped`), instead of refusing it.
    #[arg(long)]
    clamp_batch: bool,
}

#[cfg(target_arch = "wasm32")]
fn main() {
    architects_audit::run_web();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    // A child started to read a copy of a store file, or else the parent of such children.
    if let Some(code) = architects_audit::platform::storage::run_check_child() {
        return code;
    }
    let args = Cli::parse();
    match run(args) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("error: {msg}");
            ExitCode::from(2)
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn ledger(action: LedgerCmd, data_dir: Option<PathBuf>) -> Result<ExitCode, String> {
    use architects_audit::cli::ledger_cmd::{Action, run};
    let action = match action {
        LedgerCmd::Show => Action::Show,
        LedgerCmd::Export { raw } => Action::Export { raw },
        LedgerCmd::Import { file, replace, .. } => Action::Import { file, replace },
        LedgerCmd::Backups => Action::Backups,
        LedgerCmd::Restore { id } => Action::Restore { id },
    };
    run(
        action,
        data_dir,
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    )?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(not(target_arch = "wasm32"))]
use cli::class_cmd::{Outputs as ClassOutputs, report_command as class_report};

#[cfg(not(target_arch = "wasm32"))]
use cli::class_cmd::class_view;

#[cfg(target_arch = "wasm32")]
fn class_view(
    _: &[PathBuf],
    _: bool,
) -> Result<Option<architects_audit::lab::class_view::ClassView>, String> {
    Ok(None)
}

#[cfg(target_arch = "wasm32")]
struct ClassOutputs<'a> {
    html: Option<&'a std::path::Path>,
    csv: Option<&'a std::path::Path>,
    show_names: bool,
}

#[cfg(target_arch = "wasm32")]
fn class_report(_: &[PathBuf], _: ClassOutputs) -> Result<ExitCode, String> {
    Err("the class-report command runs on the desktop build".into())
}

#[cfg(target_arch = "wasm32")]
fn ledger(_: LedgerCmd, _: Option<PathBuf>) -> Result<ExitCode, String> {
    Err("the ledger command runs on the desktop build".into())
}

fn run(mut args: Cli) -> Result<ExitCode, String> {
    let scenario = cli::load_scenario(&args.scenario)?;
    let model = args.model.unwrap_or_default();
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let status = |bad: usize| {
        if bad == 0 {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        }
    };
    match args.command.take() {
        None => play(args, scenario, model),
        Some(Command::Ledger { action, data_dir }) => ledger(action, data_dir),
        Some(Command::Simulate {
            design,
            seconds,
            seed,
        }) => {
            let input = cli::open_input(&design)?;
            let bad = cli::simulate::run(input, &scenario, seconds, seed, &mut stdout.lock())
                .map_err(|e| e.to_string())?;
            Ok(status(bad))
        }
        Some(Command::Report { design }) => {
            let input = cli::open_input(&design)?;
            let bad = cli::report(
                input,
                &scenario,
                model,
                &mut stdout.lock(),
                &mut stderr.lock(),
            )
            .map_err(|e| e.to_string())?;
            Ok(status(bad))
        }
        Some(Command::LedgerReport { ledger }) => {
            let input = cli::open_input(&ledger)?;
            let bad = cli::ledger_report(input, &mut stdout.lock(), &mut stderr.lock())
                .map_err(|e| e.to_string())?;
            Ok(status(bad))
        }
        Some(Command::ClassReport {
            paths,
            html,
            csv,
            show_names,
        }) => {
            // The page follows --lang; its CSV stays English, like the CLI's JSON.
            if let Some(lang) = args.lang {
                architects_audit::text::catalogue::activate_lang(lang);
            }
            class_report(
                &paths,
                ClassOutputs {
                    html: html.as_deref(),
                    csv: csv.as_deref(),
                    show_names,
                },
            )
        }
        Some(Command::AnswerKey) => {
            let key = architects_audit::physics::answer::answer_key(&scenario, model);
            let json = serde_json::to_string_pretty(&key).map_err(|e| e.to_string())?;
            println!("{json}");
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Roofline(a)) => roofline(&scenario, a),
    }
}

/// Open the game's window (or page) with the options given.
fn play(args: Cli, scenario: Scenario, model: PhysicsModel) -> Result<ExitCode, String> {
    let ledger_import = match &args.ledger {
        Some(p) => Some((
            p.display().to_string(),
            architects_audit::ledger::read_ledger_file(p).map_err(|e| format!("--ledger: {e}"))?,
        )),
        None => None,
    };
    architects_audit::run_app(architects_audit::LaunchOptions {
        scenario,
        model,
        ledger_import,
        screenshot: args.screenshot,
        demo: if let Some(m) = &args.goto {
            Some(architects_audit::lab::demo::Demo::goto_named(
                m,
                args.show.as_deref(),
            )?)
        } else if args.demo {
            Some(architects_audit::lab::demo::Demo::autoplay(args.demo_speed))
        } else {
            None
        },
        projector: args.profile.as_deref().map(|p| p == "projector"),
        resolution: args.resolution,
        scale: args.scale,
        reduced_motion: args.reduced_motion.then_some(true),
        touch: args.touch.then_some(true),
        lang: args.lang,
        more_contrast: false,
        class: class_view(&args.class, args.show_names)?.map(|mut v| {
            v.selected = args
                .select
                .map(|n| (n as usize - 1).min(v.students.len() - 1));
            v
        }),
    });
    Ok(ExitCode::SUCCESS)
}

/// The `roofline` command: one decode step and prefill, as JSON.
fn roofline(scenario: &Scenario, a: RooflineArgs) -> Result<ExitCode, String> {
    let q = RooflineQuery {
        hardware: a.hardware,
        llm: a.llm.unwrap_or_else(|| scenario.deployment.llm.clone()),
        quant: a.quant,
        kv_quant: a.kv_quant,
        batch: a.batch,
        tp: a.tp,
        attention: a.attention,
        prompt: a.prompt.unwrap_or(scenario.workload.prompt_tokens),
        output: a.output.unwrap_or(scenario.workload.output_tokens),
        clamp_batch: a.clamp_batch,
    };
    println!("{}", cli::roofline_json(scenario, &q)?);
    Ok(ExitCode::SUCCESS)
}
