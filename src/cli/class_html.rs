//! The class report as one self-contained HTML page: inline SVG charts drawn by `charts-rs`,
//! inline CSS, no script and no link (the only URLs are SVG namespaces). File names are left
//! out: they often carry a student's name, and the page may be uploaded to the course site.

use charts_rs::{BarChart, HorizontalBarChart, RadarChart, RadarIndicator, Series};

use super::class_designs_html::{count_axis, esc, svg_err};
use crate::ledger::class::{Answers, ClassReport};
use crate::text::{invariant_name, t, tr};

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
                t!("invariant-no-labs", name = invariant_name(name))
            } else {
                invariant_name(name)
            },
            min: 0.0,
            max: 100.0,
        })
        .collect();
    let mut chart = RadarChart::new(
        vec![
            Series::new(tr("page-q1"), pct(|s| s.q1)),
            Series::new(tr("page-mean"), pct(|s| s.mean)),
            Series::new(tr("page-q3"), pct(|s| s.q3)),
        ],
        indicators,
    );
    // Four rings, so each is a quarter of the 0-100 % scale the title states.
    chart.split_number = 4;
    chart.title.text = tr("page-radar-title");
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
        .map(|k| invariant_name(k))
        .collect();
    let counts: Vec<f32> = r
        .weakest_invariant
        .values()
        .rev()
        .map(|n| *n as f32)
        .collect();
    let max = r.weakest_invariant.values().copied().max().unwrap_or(0);
    let mut chart = HorizontalBarChart::new(vec![Series::new(tr("page-students"), counts)], names);
    chart.title.text = tr("page-weakest-chart");
    chart.width = 640.0;
    chart.height = 360.0;
    count_axis(&mut chart.y_axis_configs, max);
    chart.svg().map_err(svg_err("weakest-invariant chart"))
}

fn labs(r: &ClassReport) -> Result<String, String> {
    let names: Vec<String> = r.labs_completed.keys().cloned().collect();
    // The bars are named by the number of labs: numbers only.
    let counts: Vec<f32> = r.labs_completed.values().map(|n| *n as f32).collect();
    let max = r.labs_completed.values().copied().max().unwrap_or(0);
    let mut chart = BarChart::new(vec![Series::new(tr("page-students"), counts)], names);
    chart.title.text = tr("page-labs-chart");
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
        "<tr class=\"sum\"><td>{}</td><td>{}</td><td>{}</td></tr>",
        esc(act),
        esc(&tr("page-right-of-judged")),
        esc(&t!("page-of", part = a.correct, whole = a.judged))
    ));
    s
}

fn pct(v: Option<f64>) -> String {
    v.map_or("–".into(), |v| {
        t!("percent-spaced", value = format!("{:.0}", v * 100.0))
    })
}

/// A catalogue message, escaped for HTML.
fn m(key: &str) -> String {
    esc(&tr(key))
}

/// A table's header cells, from catalogue keys.
fn header(keys: &[&str]) -> String {
    keys.iter().map(|k| format!("<th>{}</th>", m(k))).collect()
}

/// The page.
/// The page's style sheet.
const STYLE: &str = "\
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1a1a1a; background: #fff; }\n\
h1 { margin-bottom: 0.2rem; }\n\
.lede { font-size: 1.2rem; }\n\
section { margin: 2rem 0; }\n\
table { border-collapse: collapse; }\n\
td, th { border: 1px solid #999; padding: 0.3rem 0.7rem; text-align: left; }\n\
tr.sum td { font-weight: bold; }\n\
svg { max-width: 100%; height: auto; }\n\
.wide { overflow-x: auto; }\n\
.wide table { font-size: 0.85rem; }\n\
.wide td, .wide th { padding: 0.2rem 0.4rem; }\n\
";

/// One row per invariant: its students, mean accuracy, interquartile range and hit rate.
fn invariant_rows(r: &ClassReport) -> String {
    let mut rows = String::new();
    for (name, c) in &r.invariants {
        let a = c.accuracy.as_ref();
        let h = c.hit_rate.as_ref();
        rows.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{} – {}</td><td>{}</td></tr>",
            esc(&invariant_name(name)),
            c.students,
            pct(a.map(|s| s.mean)),
            pct(a.map(|s| s.q1)),
            pct(a.map(|s| s.q3)),
            pct(h.map(|s| s.mean)),
        ));
    }
    rows
}

/// The chapter 16 section: submissions, both acts' answers, and the hardest tier.
fn chapter16_section(r: &ClassReport) -> String {
    let ch = &r.chapter16;
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
    format!(
        r#"<section>
<h2>{ch16_heading}</h2>
<p>{ch16_counts}</p>
<table>
<tr>{answers_header}</tr>
{a1}
{a2}
</table>
<h3>{hardest_heading}</h3>
<table>
<tr>{hardest_header}</tr>
{tiers}
</table>
</section>"#,
        ch16_heading = m("page-ch16-heading"),
        ch16_counts = esc(&t!(
            "page-ch16-counts",
            submitted = ch.submitted,
            valid = ch.valid_designs,
            unsubmitted = ch.locked_unsubmitted
        )),
        answers_header = header(&["page-prediction", "page-answer", "page-students"]),
        a1 = answers_rows(&tr("act1-short"), &ch.act1),
        a2 = answers_rows(&tr("act2-short"), &ch.act2),
        hardest_heading = m("page-hardest-heading"),
        hardest_header = header(&["page-tier", "page-students"]),
    )
}

pub fn page(r: &ClassReport) -> Result<String, String> {
    Ok(format!(
        r#"<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{page_title}</title>
<style>
{style}</style>
</head>
<body>
<h1>{heading}</h1>
<p class="lede"><strong id="n-students">{n}</strong> {lede}</p>
<section>
<h2>{model_heading}</h2>
<p>{model_explain}</p>
{radar}
<table>
<tr>{inv_header}</tr>
{inv_rows}
</table>
</section>
<section>
<h2>{weakest_heading}</h2>
<p id="weakest-counted">{counted}</p>
{weakest}
</section>
<section>
<h2>{labs_heading}</h2>
{labs}
</section>
{ch16}
{designs}
</body>
</html>
"#,
        lang = crate::text::current().lang().tag(),
        page_title = m("page-title"),
        heading = m("page-heading"),
        n = r.n_students,
        lede = esc(&t!(
            "page-lede",
            students = r.n_students,
            skipped = r.unreadable.len()
        )),
        model_heading = m("page-model-heading"),
        model_explain = m("page-model-explain"),
        style = STYLE,
        inv_header = header(&[
            "page-invariant",
            "page-invariant-students",
            "page-mean-accuracy",
            "page-iqr",
            "page-hit-rate"
        ]),
        radar = radar(r)?,
        weakest_heading = m("page-weakest-heading"),
        weakest = weakest(r)?,
        inv_rows = invariant_rows(r),
        counted = esc(&crate::text::class_counted(r.weakest_counted, r.n_students)),
        designs = super::class_designs_html::section(r)?,
        labs_heading = m("page-labs-heading"),
        labs = labs(r)?,
        ch16 = chapter16_section(r),
    ))
}
