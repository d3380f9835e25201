//! The class report as one self-contained HTML page: inline SVG charts drawn by `charts-rs`,
//! inline CSS, no script and no link (the only URLs are SVG namespaces). File names are left
//! out: they often carry a student's name, and the page may be uploaded to the course site.

use charts_rs::{BarChart, HorizontalBarChart, RadarChart, RadarIndicator, Series};

use super::class_designs_html::{count_axis, esc, svg_err};
use crate::ledger::class::{Answers, ClassReport};

/// The class radar: mean prediction accuracy per invariant, with the first and third
/// quartiles as the interquartile band's edges. An invariant no student has a lab on reads 0
/// and says so in its name.
fn radar(r: &ClassReport) -> Result<String, String> {
    let pct = |f: fn(&crate::ledger::class::Spread) -> f64| -> Vec<f32> {
        r.invariants
            .values()
            .map(|c| c.accuracy.as_ref().map_or(0.0, |s| (f(s) * 100.0) as f32))
            .collect()
    };
    let indicators = r
        .invariants
        .iter()
        .map(|(name, c)| RadarIndicator {
            name: if c.students == 0 {
                format!("{name} (no labs)")
            } else {
                (*name).to_string()
            },
            min: 0.0,
            max: 100.0,
        })
        .collect();
    let mut chart = RadarChart::new(
        vec![
            Series::new("Q1 (25th percentile)".into(), pct(|s| s.q1)),
            Series::new("Mean".into(), pct(|s| s.mean)),
            Series::new("Q3 (75th percentile)".into(), pct(|s| s.q3)),
        ],
        indicators,
    );
    // Four rings, so each is a quarter of the 0-100 % scale the title states.
    chart.split_number = 4;
    chart.title.text =
        "Prediction accuracy by invariant, 0-100 % (rings at 25, 50, 75, 100 %)".into();
    chart.width = 640.0;
    chart.height = 480.0;
    chart.svg().map_err(svg_err("class radar"))
}

fn weakest(r: &ClassReport) -> Result<String, String> {
    // Drawn bottom-up: reversed, so the course's first invariant is on top.
    let names: Vec<String> = r
        .weakest_invariant
        .keys()
        .rev()
        .map(|k| k.to_string())
        .collect();
    let counts: Vec<f32> = r
        .weakest_invariant
        .values()
        .rev()
        .map(|n| *n as f32)
        .collect();
    let max = r.weakest_invariant.values().copied().max().unwrap_or(0);
    let mut chart = HorizontalBarChart::new(vec![Series::new("Students".into(), counts)], names);
    chart.title.text = "Weakest invariant: students".into();
    chart.width = 640.0;
    chart.height = 360.0;
    count_axis(&mut chart.y_axis_configs, max);
    chart.svg().map_err(svg_err("weakest-invariant chart"))
}

fn labs(r: &ClassReport) -> Result<String, String> {
    let names: Vec<String> = r.labs_completed.keys().cloned().collect();
    let counts: Vec<f32> = r.labs_completed.values().map(|n| *n as f32).collect();
    let max = r.labs_completed.values().copied().max().unwrap_or(0);
    let mut chart = BarChart::new(vec![Series::new("Students".into(), counts)], names);
    chart.title.text = "Labs 1–15 completed: students".into();
    chart.width = 640.0;
    chart.height = 320.0;
    count_axis(&mut chart.y_axis_configs, max);
    chart.svg().map_err(svg_err("labs-completed chart"))
}

fn answers_rows(act: &str, a: &Answers) -> String {
    let mut s = String::new();
    for (k, n) in &a.chosen {
        s.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{n}</td></tr>",
            esc(act),
            esc(&crate::text::answer_label(k))
        ));
    }
    s.push_str(&format!(
        "<tr class=\"sum\"><td>{}</td><td>right (of those judged)</td><td>{} of {}</td></tr>",
        esc(act),
        a.correct,
        a.judged
    ));
    s
}

fn pct(v: Option<f64>) -> String {
    v.map_or("–".into(), |v| format!("{:.0} %", v * 100.0))
}

/// The page.
pub fn page(r: &ClassReport) -> Result<String, String> {
    let ch = &r.chapter16;
    let mut inv_rows = String::new();
    for (name, c) in &r.invariants {
        let a = c.accuracy.as_ref();
        let h = c.hit_rate.as_ref();
        inv_rows.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{} – {}</td><td>{}</td></tr>",
            esc(name),
            c.students,
            pct(a.map(|s| s.mean)),
            pct(a.map(|s| s.q1)),
            pct(a.map(|s| s.q3)),
            pct(h.map(|s| s.mean)),
        ));
    }
    let tiers: String = ch
        .hardest_tier
        .iter()
        .map(|(t, n)| {
            format!(
                "<tr><td>{}</td><td>{n}</td></tr>",
                esc(&crate::text::tier_label(t))
            )
        })
        .collect();
    Ok(format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Class report — The Architect's Audit</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1a1a1a; background: #fff; }}
h1 {{ margin-bottom: 0.2rem; }}
.lede {{ font-size: 1.2rem; }}
section {{ margin: 2rem 0; }}
table {{ border-collapse: collapse; }}
td, th {{ border: 1px solid #999; padding: 0.3rem 0.7rem; text-align: left; }}
tr.sum td {{ font-weight: bold; }}
svg {{ max-width: 100%; height: auto; }}
.wide {{ overflow-x: auto; }}
.wide table {{ font-size: 0.85rem; }}
.wide td, .wide th {{ padding: 0.2rem 0.4rem; }}
</style>
</head>
<body>
<h1>Class report</h1>
<p class="lede"><strong id="n-students">{n}</strong> students · {bad} unreadable file(s) skipped</p>
<section>
<h2>The class's mental model</h2>
<p>How often the class predicted right, per invariant: the mean, and the first and third quartiles (the middle half of the class lies between them).</p>
{radar}
<table>
<tr><th>Invariant</th><th>Students with a lab on it</th><th>Mean accuracy</th><th>Interquartile range</th><th>Constraint-hit rate (mean)</th></tr>
{inv_rows}
</table>
</section>
<section>
<h2>Which invariant is each student's weakest</h2>
<p id="weakest-counted">Counted {counted} of {n} students{others}.</p>
{weakest}
</section>
<section>
<h2>Labs completed</h2>
{labs}
</section>
<section>
<h2>Chapter 16 (first attempts)</h2>
<p>{sub} submitted · {valid} reached a valid design · {locked} locked their predictions but never submitted</p>
<table>
<tr><th>Prediction</th><th>Answer</th><th>Students</th></tr>
{a1}
{a2}
</table>
<h3>Tier expected to be hardest (Act II)</h3>
<table>
<tr><th>Tier</th><th>Students</th></tr>
{tiers}
</table>
</section>
{designs}
</body>
</html>
"#,
        n = r.n_students,
        bad = r.unreadable.len(),
        radar = radar(r)?,
        weakest = weakest(r)?,
        counted = r.weakest_counted,
        others = if r.weakest_counted < r.n_students {
            " (the others have no labs 1–15)"
        } else {
            ""
        },
        designs = super::class_designs_html::section(r)?,
        labs = labs(r)?,
        sub = ch.submitted,
        valid = ch.valid_designs,
        locked = ch.locked_unsubmitted,
        a1 = answers_rows("Act I", &ch.act1),
        a2 = answers_rows("Act II", &ch.act2),
    ))
}
