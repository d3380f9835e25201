//! The headless commands, through the real binary and through the library.

use std::io::Write;
use std::process::{Command, Stdio};

use architects_audit::cli;
use architects_audit::physics::{PhysicsModel, Scenario};
use serde_json::Value;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_architects-audit"))
}

fn run(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = bin()
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn help_and_version_need_no_display() {
    let (code, out, _) = run(&["--help"], "");
    assert_eq!(code, 0);
    assert!(out.contains("report") && out.contains("ledger-report") && out.contains("roofline"));
    let (code, out, _) = run(&["--version"], "");
    assert_eq!(code, 0);
    assert!(out.contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn report_reads_jsonl_and_wrapped_designs_and_matches_golden() {
    let golden = include_str!("../golden/course_draft_physics.jsonl");
    let first: Vec<&str> = golden.lines().take(5).collect();
    let (code, out, err) = run(&["report", "--model", "course-draft"], &first.join("\n"));
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5);
    for (g, o) in first.iter().zip(lines) {
        let g: Value = serde_json::from_str(g).unwrap();
        let o: Value = serde_json::from_str(o).unwrap();
        let mut diffs = Vec::new();
        super::golden::diff(&g["expected"], &o, "", &mut diffs);
        assert!(diffs.is_empty(), "{diffs:?}");
    }
}

#[test]
fn report_accepts_one_pretty_object_and_defaults_to_systems() {
    let (code, out, err) = run(&["report"], "{\n  \"n_h100\": 4\n}\n");
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["model"], "systems");
    assert_eq!(v["design"]["n_h100"], 4);
    assert_eq!(
        v["design"]["quant_mobile"], "int4",
        "missing fields take the seed's defaults"
    );
    assert!(v["cloud_p99_ttft_ms"].is_number());
}

#[test]
fn bad_designs_name_the_line_and_field() {
    let input = "{\"n_h100\": 2}\n{\"quant_cloud\": \"fp8\"}\n{\"n_h100\": 0}\n{\"n_h100\": 99}\nnot json\n";
    let (code, out, err) = run(&["report"], input);
    assert_ne!(code, 0);
    assert_eq!(out.lines().count(), 4 - 3, "only the good line is reported");
    assert!(
        err.contains("line 2") && err.contains("quant_cloud"),
        "{err}"
    );
    assert!(err.contains("line 3") && err.contains("n_h100"), "{err}");
    assert!(err.contains("line 4") && err.contains("99"), "{err}");
    assert!(
        err.contains("line 5") && err.contains("not valid JSON"),
        "{err}"
    );
    assert!(!err.contains("panicked"));
    let (code, _, err) = run(&["report"], "{\"n_h100\": \"two\"}");
    assert_ne!(code, 0);
    assert!(err.contains("n_h100") && err.contains("line 1"), "{err}");
    let (code, _, err) = run(&["report"], "{\"n_gpus\": 2}");
    assert_ne!(code, 0);
    assert!(err.contains("n_gpus"), "{err}");
    let (code, _, err) = run(&["report"], "");
    assert_ne!(code, 0);
    assert!(err.contains("no design"), "{err}");
}

#[test]
fn bad_arguments_are_refused_clearly() {
    let (code, _, err) = run(&["report", "--model", "magic"], "{}");
    assert_ne!(code, 0);
    assert!(
        err.contains("magic") && err.contains("course-draft"),
        "{err}"
    );
    let (code, _, err) = run(&["report", "--scenario", "/nonexistent/x.json"], "{}");
    assert_ne!(code, 0);
    assert!(err.contains("/nonexistent/x.json"), "{err}");
}

#[test]
fn ledger_report_matches_golden_and_reports_errors() {
    let golden = include_str!("../golden/ledger_reports.jsonl");
    let first: Vec<&str> = golden.lines().take(3).collect();
    let (code, out, err) = run(&["ledger-report"], &first.join("\n"));
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out.lines().count(),
        first.len(),
        "one report per ledger line:\n{out}"
    );
    for (g, o) in first.iter().zip(out.lines()) {
        let g: Value = serde_json::from_str(g).unwrap();
        let o: Value = serde_json::from_str(o).unwrap();
        let mut diffs = Vec::new();
        super::golden::diff(&g["expected"], &o, "", &mut diffs);
        assert!(diffs.is_empty(), "{diffs:?}");
    }
    let (code, _, err) = run(&["ledger-report"], "[1,2]\n");
    assert_ne!(code, 0);
    assert!(err.contains("line 1") && err.contains("object"), "{err}");
    let (code, _, err) = run(&["ledger-report"], "{\"history\": 5}");
    assert_ne!(code, 0);
    assert!(err.contains("$.history"), "{err}");
}

#[test]
fn roofline_answers_and_lists_known_names() {
    let (code, out, err) = run(&["roofline", "--hardware", "h100", "--batch", "8"], "");
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    for k in [
        "decode_step_ms",
        "decode_tok_per_s",
        "ttft_ms",
        "kv_bytes_per_token",
        "max_batch",
        "weights_gb",
        "bound",
    ] {
        assert!(!v[k].is_null(), "missing {k}");
    }
    assert_eq!(v["llm"], "capstone-7b");
    assert_eq!(v["bound"], "memory");
    let (code, _, err) = run(&["roofline", "--hardware", "tpu9"], "");
    assert_ne!(code, 0);
    assert!(
        err.contains("tpu9") && err.contains("h100") && err.contains("orin-nx"),
        "{err}"
    );
    let (code, _, err) = run(&["roofline", "--hardware", "h100", "--llm", "gpt9"], "");
    assert_ne!(code, 0);
    assert!(err.contains("capstone-7b"), "{err}");
    assert_eq!(v["attention"], "grouped", "the game's attention by default");
    let (code, _, err) = run(
        &["roofline", "--hardware", "h100", "--attention", "sideways"],
        "",
    );
    assert_ne!(code, 0);
    assert!(
        err.contains("sideways") && err.contains("grouped") && err.contains("per-query-head"),
        "{err}"
    );
    let args = [
        "roofline",
        "--hardware",
        "h100",
        "--llm",
        "llama-2-70b",
        "--tp",
        "4",
    ];
    let step = |attention: &str| {
        let (code, out, err) = run(&[&args[..], &["--attention", attention]].concat(), "");
        assert_eq!(code, 0, "{err}");
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["attention"], attention);
        v["decode_step_ms"].as_f64().unwrap()
    };
    assert!(step("per-query-head") > step("grouped"));
}

#[test]
fn simulate_prints_the_simulation_beside_the_model() {
    let designs = "{}\n{\"n_h100\": 12, \"quant_cloud\": \"int8\", \"kv_quant\": \"int8\", \"serving\": \"continuous\"}\n";
    let (code, out, err) = run(&["simulate", "--seed", "3"], designs);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    for v in &lines {
        let (sim, model) = (
            v["sim_p99_ms"].as_f64().unwrap(),
            v["model_p99_ms"].as_f64().unwrap(),
        );
        assert!((sim - model).abs() <= 0.25 * model, "{v}");
        assert!(v["sim_served_rps"].as_f64().unwrap() > 0.0, "{v}");
        assert!(v["model_served_rps"].as_f64().is_some(), "{v}");
    }
    // The overloaded default is read over the first window from empty; the passing design
    // over the last.
    assert_eq!(lines[0]["window"], "first window from empty");
    assert_eq!(lines[1]["window"], "last window (steady state)");
    let (code, _, err) = run(&["simulate", "--seconds=-1"], "{}");
    assert_ne!(code, 0);
    assert!(err.contains("--seconds"), "{err}");
}

#[test]
fn answer_key_prints_each_tiers_share_and_the_hardest() {
    for (model, hardest) in [("systems", "cloud"), ("course-draft", "tiny")] {
        let (code, out, err) = run(&["answer-key", "--model", model], "");
        assert_eq!(code, 0, "{err}");
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["model"], model);
        assert_eq!(v["hardest"], hardest);
        for t in ["cloud", "edge", "mobile", "tiny"] {
            let (p, n) = (&v["tiers"][t]["passing"], &v["tiers"][t]["total"]);
            assert!(p.as_u64().unwrap() <= n.as_u64().unwrap(), "{t}: {v}");
        }
    }
}

#[test]
fn roofline_refuses_a_batch_that_does_not_fit_or_clamps_it_when_asked() {
    // The 7B model at FP16 on one H100: 80 GB - 4 GB workspace - 14 GB weights = 62 GB of KV
    // cache, 128 KiB a token x 768 tokens a sequence: 615 sequences fit.
    let fit: f64 = ((80.0 - 4.0 - 14.0) * 1e9 / (131_072.0 * 768.0_f64)).floor();
    assert_eq!(fit, 615.0);
    let args = ["roofline", "--hardware", "h100", "--batch", "5000"];
    let (code, out, err) = run(&args, "");
    assert_ne!(code, 0, "{out}");
    assert!(err.contains("5000") && err.contains("615"), "{err}");
    let (code, out, err) = run(&[&args[..], &["--clamp-batch"]].concat(), "");
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["batch"], fit);
    assert_eq!(v["requested_batch"], 5000.0);
    assert_eq!(v["batch_clamped"], true);
    // A batch that fits runs as asked, and says so.
    let (code, out, err) = run(&["roofline", "--hardware", "h100", "--batch", "615"], "");
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["batch_clamped"], false);
    // A model that does not fit at all is refused, clamp or not.
    let big = [
        "roofline",
        "--hardware",
        "h100",
        "--llm",
        "llama-2-70b",
        "--clamp-batch",
    ];
    let (code, _, err) = run(&big, "");
    assert_ne!(code, 0);
    assert!(
        err.contains("does not fit") && err.contains("--tp"),
        "{err}"
    );
}

#[test]
fn scenario_files_can_define_new_hardware_and_models() {
    let mut v: Value =
        serde_json::from_str(architects_audit::physics::scenario::BUILTIN_JSON).unwrap();
    v["hardware"]["b200"] = serde_json::json!({
        "label": "B200", "mem_bw_gbs": 8000, "tflops_fp16_dense": 2250, "ram_gb": 192,
        "cost_per_hour_usd": 6.0, "interconnect_gbs": 1800
    });
    v["models"]["tiny-1b"] = serde_json::json!({
        "label": "1B", "params": 1e9, "layers": 16, "hidden": 2048, "heads": 32, "kv_heads": 8, "head_dim": 64
    });
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("variant.json");
    std::fs::write(&path, serde_json::to_string(&v).unwrap()).unwrap();
    let p = path.to_str().unwrap();
    let (code, out, err) = run(
        &[
            "roofline",
            "--scenario",
            p,
            "--hardware",
            "b200",
            "--llm",
            "tiny-1b",
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    let r: Value = serde_json::from_str(&out).unwrap();
    // 2 x 16 layers x 8 heads x 64 dims x 2 bytes = 32 KiB per token.
    assert_eq!(r["kv_bytes_per_token"], 32768.0);
    let (code, _, err) = run(&["report", "--scenario", p], "{}");
    assert_eq!(code, 0, "{err}");

    // A broken scenario names the field.
    v["deployment"]["cloud_hardware"] = Value::from("nope");
    std::fs::write(&path, serde_json::to_string(&v).unwrap()).unwrap();
    let (code, _, err) = run(&["report", "--scenario", p], "{}");
    assert_ne!(code, 0);
    assert!(
        err.contains("deployment.cloud_hardware") && err.contains("nope"),
        "{err}"
    );
    v["deployment"]["cloud_hardware"] = Value::from("h100");
    v["slo"]["p99_ms"] = Value::from("fast");
    std::fs::write(&path, serde_json::to_string(&v).unwrap()).unwrap();
    let (code, _, err) = run(&["report", "--scenario", p], "{}");
    assert_ne!(code, 0);
    assert!(err.contains("slo.p99_ms"), "{err}");
}

#[test]
fn library_report_counts_bad_records() {
    let sc = Scenario::builtin();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let bad = cli::report(
        "{}\n{\"serving\": \"turbo\"}\n".as_bytes(),
        &sc,
        PhysicsModel::Systems,
        &mut out,
        &mut err,
    )
    .unwrap();
    assert_eq!(bad, 1);
    let err = String::from_utf8(err).unwrap();
    assert!(err.contains("line 2") && err.contains("serving"), "{err}");
}
