//! The tornado: one row per uncertain input, a bar from the figure with that input at its low
//! value to the figure with it at its high value, around a line at the figure with every input
//! at its likely value. Rows come sorted (largest swing first) from the caller.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::bars::{
    category_area, category_label, dashed_vertical, value_axis, CategoryArea, AXIS_ROOM,
};
use super::style::{self, drawing, Key, LegendEntry};
use super::Words;
use super::{ChartError, Tornado};

/// Height of one input's row.
const ROW: i32 = 64;

pub(super) fn height(c: &Tornado) -> u32 {
    let rows = i32::try_from(c.rows.len()).unwrap_or(i32::MAX / ROW);
    let needed = style::PLOT_TOP + rows.saturating_mul(ROW) + AXIS_ROOM + style::PLOT_BOTTOM;
    u32::try_from(needed).unwrap_or(u32::MAX)
}

pub(super) fn problem(c: &Tornado) -> Option<String> {
    let finite = |v: f64| v.is_finite();
    if c.rows.len() > super::TORNADO_ROWS {
        return Some(format!(
            "{} rows, more than the {} a tornado draws",
            c.rows.len(),
            super::TORNADO_ROWS
        ));
    }
    if !finite(c.likely) {
        return Some(format!("the likely figure is {}", c.likely));
    }
    c.rows
        .iter()
        .position(|r| !finite(r.at_low) || !finite(r.at_high))
        .map(|i| format!("row {i} has a figure that is not finite"))
}

/// The axis: from below the least figure to above the largest, in round steps, with room on
/// both sides for the labels at the bar ends.
fn axis(c: &Tornado) -> (f64, f64, f64) {
    let figures = c.rows.iter().flat_map(|r| [r.at_low, r.at_high]);
    let (min, max) = figures.fold((c.likely, c.likely), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let span = (max - min).max(c.likely.abs() * 0.02).max(1e-9);
    let (_, step) = style::nice_axis(span * 1.6, 6);
    let lo = ((min - span * 0.3) / step).floor() * step;
    let hi = ((max + span * 0.3) / step).ceil() * step;
    (lo, hi, step)
}

pub(super) fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    c: &Tornado,
    caption: &str,
    words: &Words,
) -> Result<(), ChartError> {
    let legend = [
        LegendEntry {
            label: c.low_name.clone(),
            colour: style::BEFORE,
            key: Key::Box,
        },
        LegendEntry {
            label: c.high_name.clone(),
            colour: style::AFTER,
            key: Key::Box,
        },
        LegendEntry {
            label: c.likely_name.clone(),
            colour: style::INK,
            key: Key::DashedLine,
        },
    ];
    style::frame(root, &c.title, &legend, caption)?;
    if c.rows.is_empty() {
        return style::empty_note(root, words.no_data);
    }
    let (w, h) = style::pixels(root);
    let names: Vec<String> = c.rows.iter().map(|r| r.name.clone()).collect();
    let CategoryArea {
        label_room,
        left,
        right,
        top,
        bottom,
    } = category_area(&names, w, h);
    let (lo, hi, step) = axis(c);
    let x = |v: f64| left + (((v - lo) / (hi - lo)) * f64::from(right - left)).round() as i32;

    value_axis(
        root,
        (left, right, top, bottom),
        (lo, hi),
        step,
        &c.value_label,
        x,
    )?;

    // Few inputs get taller rows, centred, rather than a block at the top of an empty plot.
    let n = i32::try_from(c.rows.len()).unwrap_or(i32::MAX).max(1);
    let row = ((bottom - top) / n).clamp(1, ROW * 2);
    let rows_top = top + (bottom - top - row * n) / 2;
    let bar = (f64::from(row.min(ROW)) * 0.56).round() as i32;
    let base = x(c.likely);
    for (i, r) in c.rows.iter().enumerate() {
        let y0 = rows_top + row * i32::try_from(i).unwrap_or(0);
        let centre = y0 + row / 2;
        category_label(
            root,
            &r.name,
            (left - 18, centre),
            label_room,
            style::LABEL_SIZE,
            2,
        )?;
        // The smaller figure's label goes on the left, the larger one's on the right, each
        // beyond its bar (or the likely line), so that the two never overlap, not even where
        // the input moves nothing.
        let low_left = r.at_low <= r.at_high;
        for (value, label, colour, on_left) in [
            (r.at_low, &r.low_label, style::BEFORE, low_left),
            (r.at_high, &r.high_label, style::AFTER, !low_left),
        ] {
            let end = x(value);
            let (from, to) = (base.min(end), base.max(end));
            root.draw(&Rectangle::new(
                [
                    (from, centre - bar / 2),
                    (to.max(from + 1), centre + bar / 2),
                ],
                colour.filled(),
            ))
            .map_err(drawing)?;
            let (at, anchor) = if on_left {
                (from - 8, HPos::Right)
            } else {
                (to.max(from + 1) + 8, HPos::Left)
            };
            root.draw(&Text::new(
                label.clone(),
                (at, centre),
                style::anchored(style::VALUE_SIZE, style::INK, anchor, VPos::Center),
            ))
            .map_err(drawing)?;
        }
    }
    dashed_vertical(root, base, top, bottom, style::INK)?;
    Ok(())
}
