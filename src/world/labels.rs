//! Placing the world's captions. Each caption is tried at its spots in order of importance and
//! kept at the first where it lies inside the world and overlaps no caption already placed, no
//! drawn mark (a node, a bar, the chips) and no request stream; on one line first, then wrapped
//! narrower. A caption that fits nowhere is
//! not lost: it joins the readout of what it describes, which opens while the pointer is on
//! that part of the world, or after a tap on it.

use std::rc::Rc;

use bevy_egui::egui::{self, Align2, Color32, FontId, Pos2, Rect, Stroke};

/// Text no smaller than this many points, before the profile's label scale.
pub const MIN_TEXT: f32 = 11.0;

/// A drawing that goes with a caption (a bar, a gauge, the chips): both are kept, or both
/// left out and the caption read in its readout.
#[derive(Clone)]
pub struct Figure<'a> {
    pub rect: Rect,
    pub draw: Rc<dyn Fn(&egui::Painter) + 'a>,
}

/// One caption and where it may go.
#[derive(Clone)]
pub struct Caption<'a> {
    pub text: String,
    pub font: FontId,
    pub color: Color32,
    /// Anchor points and how the text sits on them, best first.
    pub spots: Vec<(Pos2, Align2)>,
    /// Lower ranks are placed first.
    pub rank: u8,
    /// The part of the world it describes, on screen: where its readout opens
    /// (`Rect::NOTHING`: no readout, for the titles).
    pub about: Rect,
    /// A drawing placed with it.
    pub figure: Option<Figure<'a>>,
    /// Names the caption (and its figure) for the captions that follow it.
    pub id: Option<&'static str>,
    /// Placed only where the caption of this id was.
    pub follows: Option<&'static str>,
}

impl Caption<'_> {
    /// A caption with no figure.
    pub fn text(
        text: String,
        font: FontId,
        color: Color32,
        spots: Vec<(Pos2, Align2)>,
        rank: u8,
        about: Rect,
    ) -> Self {
        Caption {
            text,
            font,
            color,
            spots,
            rank,
            about,
            figure: None,
            id: None,
            follows: None,
        }
    }
}

/// Captions gathered in one frame, the marks and streams they must keep off.
#[derive(Default)]
pub struct Placer<'a> {
    captions: Vec<Caption<'a>>,
    /// Drawn marks, on screen.
    pub marks: Vec<Rect>,
    /// Request streams: segments with their half-width, on screen.
    pub streams: Vec<(Pos2, Pos2, f32)>,
}

/// A caption left out of the world, for its readout.
#[derive(Debug, Clone)]
pub struct Hidden {
    pub text: String,
    pub font: FontId,
    pub color: Color32,
    pub about: Rect,
}

/// Where the captions went.
#[derive(Debug, Default)]
pub struct Placed {
    /// Each caption drawn: its rectangle and text.
    pub shown: Vec<(Rect, String)>,
    /// The captions that fit nowhere, for the readouts.
    pub hidden: Vec<Hidden>,
    /// The readout open, if one is.
    pub readout: Option<Rect>,
}

impl<'a> Placer<'a> {
    pub fn add(&mut self, c: Caption<'a>) {
        self.captions.push(c);
    }

    /// Place the captions inside `bounds`, most important first; draw those that fit (and
    /// their figures) when `draw`.
    pub fn place(&self, painter: &egui::Painter, bounds: Rect, draw: bool) -> Placed {
        let mut order: Vec<&Caption<'a>> = self.captions.iter().collect();
        order.sort_by_key(|c| c.rank);
        let mut placed = Placed::default();
        let mut taken: Vec<Rect> = Vec::new();
        let mut ids: Vec<&str> = Vec::new();
        for c in order {
            let free = |r: &Rect| {
                // Touching is not overlapping.
                let inner = r.shrink(0.5);
                bounds.contains_rect(*r)
                    && !taken.iter().any(|t| t.intersects(inner))
                    && !self.marks.iter().any(|m| m.intersects(inner))
                    && !self
                        .streams
                        .iter()
                        .any(|(a, b, w)| crosses(*a, *b, inner.expand(*w)))
            };
            let figure_free = c.figure.as_ref().is_none_or(|f| free(&f.rect));
            let follows = c.follows.is_none_or(|id| ids.contains(&id));
            let fits = |r: &Rect| {
                free(r)
                    && c.figure
                        .as_ref()
                        .is_none_or(|f| !f.rect.intersects(r.shrink(0.5)))
            };
            // On one line at each spot first, then wrapped narrower.
            let line = painter.layout_no_wrap(c.text.clone(), c.font.clone(), c.color);
            let width = line.size().x;
            // Wrapped between words only: never narrower than the longest word.
            let word = c
                .text
                .split_whitespace()
                .map(|w| {
                    let g = painter.layout_no_wrap(w.to_owned(), c.font.clone(), c.color);
                    g.size().x
                })
                .fold(0.0, f32::max);
            let spot = [1.0, 0.62, 0.45]
                .into_iter()
                .filter(|k| *k == 1.0 || width * k >= word + 1.0)
                .filter(|_| figure_free && follows)
                .find_map(|k| {
                    let galley = if k == 1.0 {
                        line.clone()
                    } else {
                        painter.layout(c.text.clone(), c.font.clone(), c.color, width * k)
                    };
                    let size = galley.size();
                    c.spots
                        .iter()
                        .map(|(p, a)| a.anchor_size(*p, size))
                        .find(|r| fits(r))
                        .map(|r| (r, galley))
                });
            match spot {
                Some((r, galley)) => {
                    if let Some(f) = &c.figure {
                        if draw {
                            (f.draw)(painter);
                        }
                        taken.push(f.rect);
                    }
                    ids.extend(c.id);
                    if draw {
                        painter.galley(r.min, galley, c.color);
                    }
                    taken.push(r);
                    placed.shown.push((r, c.text.clone()));
                }
                None => placed.hidden.push(Hidden {
                    text: c.text.clone(),
                    font: c.font.clone(),
                    color: c.color,
                    about: c.about,
                }),
            }
        }
        placed
    }
}

/// Whether the segment `a`–`b` passes through `r` (Liang–Barsky clipping).
pub fn crosses(a: Pos2, b: Pos2, r: Rect) -> bool {
    let d = b - a;
    let (mut t0, mut t1) = (0.0f32, 1.0f32);
    for (p, q) in [
        (-d.x, a.x - r.min.x),
        (d.x, r.max.x - a.x),
        (-d.y, a.y - r.min.y),
        (d.y, r.max.y - a.y),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    t0 <= t1
}

/// The readout of the hidden captions about the part of the world at `at`: a box beside it,
/// kept inside `bounds` (the screen: a strip of a world may be too small for it), listing them
/// in their colours. Returns its rectangle.
pub fn readout(
    painter: &egui::Painter,
    hidden: &[Hidden],
    at: Pos2,
    bounds: Rect,
    fill: Color32,
    edge: Color32,
) -> Option<Rect> {
    let about: Vec<&Hidden> = hidden
        .iter()
        .filter(|c| c.about.is_positive() && c.about.contains(at))
        .collect();
    let first = about.first()?;
    let pad = first.font.size * 0.5;
    let galleys: Vec<_> = about
        .iter()
        .map(|c| painter.layout_no_wrap(c.text.clone(), c.font.clone(), c.color))
        .collect();
    let w = galleys.iter().map(|g| g.size().x).fold(0.0, f32::max) + 2.0 * pad;
    let h = galleys.iter().map(|g| g.size().y + pad * 0.5).sum::<f32>() + 1.5 * pad;
    // Beside the part it describes, on the side with room; always inside `bounds`.
    let part = first.about;
    let x = if part.right() + w <= bounds.right() {
        part.right()
    } else {
        (part.left() - w).max(bounds.left())
    };
    let y = part
        .top()
        .clamp(bounds.top(), (bounds.bottom() - h).max(bounds.top()));
    let frame = Rect::from_min_size(Pos2::new(x, y), egui::vec2(w, h));
    painter.rect(
        frame,
        4.0,
        fill,
        Stroke::new(1.0, edge),
        egui::StrokeKind::Inside,
    );
    let mut pos = frame.min + egui::vec2(pad, pad);
    for (g, c) in galleys.into_iter().zip(&about) {
        let dy = g.size().y + pad * 0.5;
        painter.galley(pos, g, c.color);
        pos.y += dy;
    }
    Some(frame)
}

/// Where a readout of the world opens: where the pointer rests over the world, or where the
/// student last tapped or clicked it (a touch leaves no pointer behind). Another tap or click
/// in the world moves it; one outside the world closes it.
pub(super) fn readout_focus(ctx: &egui::Context, world: egui::Rect) -> Option<egui::Pos2> {
    let id = egui::Id::new("world-readout-pin");
    let over_world = |p: egui::Pos2| world.contains(p) && !ctx.is_pointer_over_egui();
    let (hover, clicked) = ctx.input(|i| {
        let clicked = i.pointer.primary_clicked() || i.pointer.any_released();
        (
            i.pointer.hover_pos(),
            clicked.then(|| i.pointer.interact_pos()).flatten(),
        )
    });
    if let Some(at) = clicked {
        let pin = over_world(at).then_some(at);
        ctx.data_mut(|d| d.insert_temp(id, pin));
    }
    hover
        .filter(|p| over_world(*p))
        .or_else(|| ctx.data(|d| d.get_temp::<Option<egui::Pos2>>(id)).flatten())
}
