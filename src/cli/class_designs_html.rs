//! The class report page's designs section: what the first attempts built, where they failed,
//! and the distinct passing designs, as charts and tables. Values show as labels ("INT8",
//! "continuous batching", "100K"), never as the JSON's keys; counts of students are whole
//! numbers on every axis.

use charts_rs::{BarChart, HorizontalBarChart, Series, YAxisConfig};

use crate::ledger::class::ClassReport;
use crate::ledger::designs::CHOICES;
use crate::text::{check_label, choice_value_label as value_label, t, tr};

pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub fn svg_err<E: std::fmt::Debug>(what: &str) -> impl Fn(E) -> String + '_ {
    move |e| format!("cannot draw the {what}: {e:?}")
}

/// A count axis: from 0, in whole steps (at most five), to a whole number at or above `max`,
/// so no tick reads a fraction of a student.
pub fn count_axis(axes: &mut [YAxisConfig], max: u32) {
    let step = max.div_ceil(5).max(1);
    let top = max.div_ceil(step).max(1) * step;
    if let Some(a) = axes.first_mut() {
        a.min = Some(0.0);
        a.max = Some(top as f32);
        a.split_number = (top / step) as usize;
    }
}

fn failures_chart(r: &ClassReport) -> Result<String, String> {
    let f = &r.chapter16.designs.failed;
    // Drawn bottom-up: reversed, so the course's first check is on top.
    let names: Vec<String> = f.keys().rev().map(|k| check_label(k)).collect();
    let counts: Vec<f32> = f.values().rev().map(|x| x.students as f32).collect();
    let max = f.values().map(|x| x.students).max().unwrap_or(0);
    let mut chart = HorizontalBarChart::new(vec![Series::new(tr("page-students"), counts)], names);
    chart.title.text = tr("page-failures-chart");
    chart.width = 640.0;
    chart.height = 360.0;
    count_axis(&mut chart.y_axis_configs, max);
    chart.svg().map_err(svg_err("failures chart"))
}

fn gpus_chart(r: &ClassReport) -> Result<String, String> {
    let g = &r.chapter16.designs.choices["cloud_gpus"];
    let names: Vec<String> = g.keys().map(|v| value_label("cloud_gpus", v)).collect();
    let counts: Vec<f32> = g.values().map(|n| *n as f32).collect();
    let max = g.values().copied().max().unwrap_or(0);
    let mut chart = BarChart::new(vec![Series::new(tr("page-students"), counts)], names);
    chart.title.text = tr("page-gpus-chart");
    chart.width = 640.0;
    chart.height = 320.0;
    count_axis(&mut chart.y_axis_configs, max);
    chart.svg().map_err(svg_err("GPU chart"))
}

/// "14 of 30 failed P99; 9 of those ran static batches", one sentence per check failed.
fn failure_sentences(r: &ClassReport) -> String {
    let d = &r.chapter16.designs;
    let mut out = String::new();
    for (check, f) in d.failed.iter().filter(|(_, f)| f.students > 0) {
        let most = f
            .by_serving
            .iter()
            .max_by_key(|(_, n)| **n)
            .map(|(s, n)| {
                t!(
                    "page-failure-serving",
                    count = *n,
                    serving = value_label("serving", s)
                )
            })
            .unwrap_or_default();
        out.push_str(&format!(
            "<li>{}</li>",
            esc(&t!(
                "page-failure",
                students = f.students,
                recorded = d.recorded,
                check = check_label(check),
                serving = most
            ))
        ));
    }
    if d.failures_not_recorded > 0 {
        out.push_str(&format!(
            "<li>{}</li>",
            esc(&t!(
                "page-failures-unlisted",
                designs = d.failures_not_recorded
            ))
        ));
    }
    if out.is_empty() {
        format!("<p>{}</p>", esc(&tr("page-no-failures")))
    } else {
        format!("<ul id=\"failure-reasons\">{out}</ul>")
    }
}

fn choices_table(r: &ClassReport) -> String {
    let mut rows = String::new();
    for (key, name) in CHOICES {
        let values = r.chapter16.designs.choices[key]
            .iter()
            .map(|(v, n)| format!("{} ({n})", esc(&value_label(key, v))))
            .collect::<Vec<_>>()
            .join(" · ");
        rows.push_str(&format!(
            "<tr><td>{}</td><td>{values}</td></tr>",
            esc(&crate::text::tr(name))
        ));
    }
    format!(
        "<table id=\"choices\">\n<tr><th>{}</th><th>{}</th></tr>\n{rows}\n</table>",
        esc(&tr("page-choice")),
        esc(&tr("page-students-per-option"))
    )
}

fn design_cells(choices: impl Iterator<Item = (&'static str, String)>) -> String {
    choices
        .map(|(k, v)| format!("<td>{}</td>", esc(&value_label(k, &v))))
        .collect()
}

fn header_cells() -> String {
    CHOICES
        .iter()
        .map(|(_, n)| format!("<th>{}</th>", esc(&crate::text::tr(n))))
        .collect()
}

fn passing_table(r: &ClassReport) -> String {
    let p = &r.chapter16.designs.passing;
    if p.is_empty() {
        return format!("<p>{}</p>", esc(&tr("page-none-passed")));
    }
    let rows: String = p
        .iter()
        .map(|g| {
            format!(
                "<tr>{}<td>{}</td></tr>",
                design_cells(g.design.clone().into_iter()),
                g.students
            )
        })
        .collect();
    format!(
        "<table id=\"passing\">\n<tr>{}<th>{}</th></tr>\n{rows}\n</table>",
        header_cells(),
        esc(&tr("page-students"))
    )
}

fn students_table(r: &ClassReport) -> String {
    let rows: String = r
        .students
        .iter()
        .enumerate()
        .map(|(i, s)| (esc(&t!("class-student", number = i + 1)), s))
        .map(|(student, s)| match &s.design {
            None => format!(
                "<tr><td>{student}</td><td colspan=\"{}\">{}</td></tr>",
                CHOICES.len() + 2,
                esc(&tr("page-no-design"))
            ),
            Some(d) => {
                let failed = crate::text::failed_label(d);
                format!(
                    "<tr><td>{student}</td>{}<td>{}</td><td>{}</td></tr>",
                    design_cells(d.choices().into_iter()),
                    esc(&tr(if d.passed { "page-yes" } else { "page-no" })),
                    esc(&failed)
                )
            }
        })
        .collect();
    format!(
        "<table id=\"designs\">\n<tr><th>{}</th>{}<th>{}</th><th>{}</th></tr>\n{rows}\n</table>",
        esc(&tr("page-student")),
        header_cells(),
        esc(&tr("page-passed")),
        esc(&tr("page-failed"))
    )
}

/// The section.
pub fn section(r: &ClassReport) -> Result<String, String> {
    let d = &r.chapter16.designs;
    Ok(format!(
        r#"<section>
<h2>{built}</h2>
<p>{counts}</p>
<h3>{where_failed}</h3>
{sentences}
{failures}
<h3>{the_choices}</h3>
{gpus}
{choices}
<h3>{grouped}</h3>
{passing}
<h3>{each}</h3>
<div class="wide">{students}</div>
</section>"#,
        built = esc(&tr("page-built")),
        counts = esc(&t!(
            "page-design-counts",
            recorded = d.recorded,
            passed = d.passed,
            groups = d.passing.len()
        )),
        where_failed = esc(&tr("page-where-failed")),
        the_choices = esc(&tr("page-the-choices")),
        grouped = esc(&tr("page-passing-grouped")),
        each = esc(&tr("page-each-design")),
        sentences = failure_sentences(r),
        failures = failures_chart(r)?,
        gpus = gpus_chart(r)?,
        choices = choices_table(r),
        passing = passing_table(r),
        students = students_table(r),
    ))
}
