//! The Design Ledger's source in the introduction: the student's own ledger or a sample,
//! import (pasted, from a file, or the course's file), export, and the import's preview.

use bevy_egui::egui;

use super::{Ctx, c32};
use crate::ledger::store::{ImportMode, ImportPreview, LedgerMsg, SAMPLES};
use crate::text;

pub(super) fn ledger_source(ui: &mut egui::Ui, c: &mut Ctx) {
    ui.strong(text::ledger_section());
    let current = c.ledger.sample.as_ref().map(|s| s.name.clone());
    ui.horizontal_wrapped(|ui| {
        if ui
            .selectable_label(current.is_none(), text::use_mine())
            .clicked()
        {
            c.ledger_msgs.push(LedgerMsg::ViewSample(None));
        }
        ui.label(text::samples_label());
        for (name, _) in SAMPLES {
            let on = current.as_deref() == Some(name);
            if ui.selectable_label(on, text::sample_label(name)).clicked() {
                c.ledger_msgs
                    .push(LedgerMsg::ViewSample(Some(name.to_string())));
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        if ui.button(text::import()).clicked() {
            c.draft.open = !c.draft.open;
        }
        #[cfg(target_arch = "wasm32")]
        if ui.button(text::import_file()).clicked() {
            crate::platform::web::pick_ledger_file();
        }
        if let Some(path) = c.course_file
            && ui.button(text::import_course_file()).clicked()
        {
            c.ledger_msgs.push(LedgerMsg::PreviewFile(path.clone()));
        }
        if ui.button(text::export()).clicked() {
            c.ledger_msgs.push(LedgerMsg::Export);
        }
    });
    ledger_record(ui, c);
    if c.draft.open {
        import_draft(ui, c);
    }
    if let Some(p) = c.preview {
        import_preview(ui, c, p);
    }
}

/// The text box a student pastes a ledger into.
fn import_draft(ui: &mut egui::Ui, c: &mut Ctx) {
    ui.add(
        egui::TextEdit::multiline(&mut c.draft.text)
            .hint_text(text::import_paste())
            .desired_rows(4)
            .desired_width(f32::INFINITY)
            .code_editor(),
    );
    if ui.button(text::import_preview()).clicked() {
        c.ledger_msgs.push(LedgerMsg::PreviewImport {
            source: text::tr("import-pasted"),
            text: c.draft.text.clone(),
        });
    }
}

/// What an import would bring, and the choice to replace, merge or cancel.
fn import_preview(ui: &mut egui::Ui, c: &mut Ctx, p: &ImportPreview) {
    let fail = c32(c.pal.fail);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(text::t!("import-from", source = &p.source));
        match &p.result {
            Ok(parsed) => {
                let chapters = parsed.ledger.chapters();
                ui.label(text::t!(
                    "import-entries",
                    entries = parsed.ledger.history.len(),
                    chapters = format!("{chapters:?}")
                ));
                if parsed.notes.is_empty() {
                    ui.label(text::tr("import-no-problems"));
                } else {
                    ui.label(text::t!("import-problems", problems = parsed.notes.len()));
                    for n in parsed.notes.iter().take(8) {
                        ui.label(egui::RichText::new(n.worded()).small());
                    }
                }
                ui.add(
                    egui::Label::new(egui::RichText::new(text::import_merge_explain()).small())
                        .wrap(),
                );
                ui.horizontal(|ui| {
                    if ui.button(text::import_replace()).clicked() {
                        c.ledger_msgs
                            .push(LedgerMsg::ConfirmImport(ImportMode::Replace));
                    }
                    if ui.button(text::import_merge()).clicked() {
                        c.ledger_msgs
                            .push(LedgerMsg::ConfirmImport(ImportMode::Merge));
                    }
                    if ui.button(text::cancel()).clicked() {
                        c.ledger_msgs.push(LedgerMsg::CancelImport);
                    }
                });
            }
            Err(e) => {
                ui.colored_label(fail, text::t!("import-failed", error = e.worded()));
                if ui.button(text::cancel()).clicked() {
                    c.ledger_msgs.push(LedgerMsg::CancelImport);
                }
            }
        }
    });
}

/// How the stored ledger was read, and its backups (each can be restored).
fn ledger_record(ui: &mut egui::Ui, c: &mut Ctx) {
    for e in &c.ledger.events {
        ui.label(egui::RichText::new(e.worded()).small());
    }
    if !c.ledger.notes.is_empty() {
        egui::CollapsingHeader::new(format!(
            "{} ({})",
            text::reading_notes(),
            c.ledger.notes.len()
        ))
        .id_salt("ledger-notes")
        .show(ui, |ui| {
            for n in c.ledger.notes.iter().take(20) {
                ui.label(egui::RichText::new(n.worded()).small());
            }
        });
    }
    if !c.ledger.backups.is_empty() {
        egui::CollapsingHeader::new(format!("{} ({})", text::backups(), c.ledger.backups.len()))
            .id_salt("ledger-backups")
            .show(ui, |ui| {
                ui.add(
                    egui::Label::new(egui::RichText::new(text::backups_explain()).small()).wrap(),
                );
                for (id, time, reason) in &c.ledger.backups {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(egui::RichText::new(format!("#{id} · {time} · {reason}")).small());
                        if ui.small_button(text::restore()).clicked() {
                            c.ledger_msgs.push(LedgerMsg::Restore(*id));
                        }
                    });
                }
            });
    }
}
