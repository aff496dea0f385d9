//! The stacked bar chart: one row per group (a dispatched group), its bar made of one segment
//! per unit it covers, named inside the segment where the name fits, the total and the share
//! of capacity at the bar's end, and a marker at the group's capacity.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::bars::{category_label, category_room, haloed_label, value_axis, value_text};
use super::style::{self, drawing, Key, LegendEntry};
use super::Words;
use super::{numbers_problem, ChartError, Stacked};

const ROW_MIN: i32 = 50;
const ROW_MAX: i32 = 120;
const AXIS_ROOM: i32 = 95;

pub(super) fn height(c: &Stacked) -> u32 {
    let rows = i32::try_from(c.groups.len()).unwrap_or(i32::MAX / ROW_MIN);
    let needed = style::PLOT_TOP + rows.saturating_mul(ROW_MIN) + AXIS_ROOM + style::PLOT_BOTTOM;
    u32::try_from(needed).unwrap_or(u32::MAX)
}

pub(super) fn problem(c: &Stacked) -> Option<String> {
    let n = c.groups.len();
    if c.segments.len() != n {
        return Some(format!(
            "segments has {} bars but there are {n} groups",
            c.segments.len()
        ));
    }
    for (group, segments) in c.groups.iter().zip(&c.segments) {
        let loads: Vec<f64> = segments.iter().map(|(_, load)| *load).collect();
        if let Some(problem) = numbers_problem(&format!("loads of {group}"), &loads, loads.len()) {
            return Some(problem);
        }
    }
    c.capacity
        .as_ref()
        .and_then(|capacity| numbers_problem("capacity", capacity, n))
}

/// The text at the end of a bar: its total, and its share of capacity when that is known.
fn total_text(total: f64, capacity: Option<f64>) -> String {
    match capacity {
        Some(cap) if cap > 0.0 => format!(
            "{} / {} ({} %)",
            value_text(total),
            value_text(cap),
            style::number(100.0 * total / cap, 0)
        ),
        Some(cap) => format!("{} / {}", value_text(total), value_text(cap)),
        None => value_text(total),
    }
}

pub(super) fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    c: &Stacked,
    caption: &str,
    words: &Words,
) -> Result<(), ChartError> {
    let mut legend = Vec::new();
    if c.capacity.is_some() {
        legend.push(LegendEntry {
            label: words.capacity.to_string(),
            colour: style::INK,
            key: Key::Marker,
        });
    }
    style::frame(root, &c.title, &legend, caption)?;
    if c.groups.is_empty() {
        return style::empty_note(root, words.no_data);
    }

    let (w, h) = style::pixels(root);
    let n = i32::try_from(c.groups.len()).unwrap_or(i32::MAX);
    let label_room = category_room(&c.groups, w);
    let left = style::MARGIN + label_room + 18;
    let right = w - style::MARGIN - 10;
    let top = style::PLOT_TOP;
    let bottom = h - style::PLOT_BOTTOM - AXIS_ROOM;
    let row = ((bottom - top) / n.max(1)).clamp(1, ROW_MAX);
    let rows_top = top + (bottom - top - row * n) / 2;
    let value_size = (f64::from(row) * 0.45).clamp(style::MIN_SIZE, style::VALUE_SIZE);

    let capacity = |i: usize| c.capacity.as_ref().and_then(|cap| cap.get(i).copied());
    let totals: Vec<f64> = c
        .segments
        .iter()
        .map(|s| s.iter().map(|(_, load)| load).sum())
        .collect();
    let texts: Vec<String> = totals
        .iter()
        .enumerate()
        .map(|(i, t)| total_text(*t, capacity(i)))
        .collect();
    let plot_w = f64::from(right - left);
    let mut needed: f64 = 0.0;
    for (i, (total, text)) in totals.iter().zip(&texts).enumerate() {
        let room = (plot_w - 12.0 - f64::from(style::width(text, value_size))).max(plot_w * 0.4);
        let reach = total.max(capacity(i).unwrap_or(0.0));
        needed = needed.max(reach * plot_w / room);
    }
    let (axis_max, step) = style::nice_axis(needed, 6);
    let x = |v: f64| left + ((v / axis_max) * plot_w).round() as i32;

    value_axis(
        root,
        (left, right, top, bottom),
        (0.0, axis_max),
        step,
        &c.value_label,
        x,
    )?;

    let bar = ((f64::from(row) * 0.62).round() as i32).max(1);
    let label_size = (f64::from(row) * 0.45).clamp(style::MIN_SIZE, style::LABEL_SIZE);
    let inside_size = (f64::from(bar) * 0.6).clamp(style::MIN_SIZE, style::VALUE_SIZE);
    for (i, name) in c.groups.iter().enumerate() {
        let y0 = rows_top + row * i32::try_from(i).unwrap_or(0);
        let centre = y0 + row / 2;
        category_label(root, name, (left - 14, centre), label_room, label_size, 2)?;
        let (top_y, bottom_y) = (centre - bar / 2, centre - bar / 2 + bar);
        let mut start = 0.0;
        for (k, (unit, load)) in c.segments.get(i).into_iter().flatten().enumerate() {
            let (x0, x1) = (x(start), x(start + load));
            start += load;
            // Units differ from group to group, so colour only tells neighbours apart.
            let fill = if k % 2 == 0 { style::AFTER } else { style::SKY };
            root.draw(&Rectangle::new(
                [(x0, top_y), (x1, bottom_y)],
                fill.filled(),
            ))
            .map_err(drawing)?;
            if x1 - x0 >= 3 {
                root.draw(&Rectangle::new(
                    [(x1 - 1, top_y), (x1, bottom_y)],
                    style::BACKGROUND.filled(),
                ))
                .map_err(drawing)?;
            }
            let name = style::ellipsize(unit, inside_size, x1 - x0 - 10);
            if !name.is_empty() {
                root.draw(&Text::new(
                    name,
                    ((x0 + x1) / 2, centre),
                    style::anchored(inside_size, style::ink_on(fill), HPos::Center, VPos::Center),
                ))
                .map_err(drawing)?;
            }
        }
        let end = x(totals.get(i).copied().unwrap_or(0.0));
        if let Some(cap) = capacity(i) {
            let cx = x(cap);
            root.draw(&Rectangle::new(
                [(cx - 3, top_y - 8), (cx + 3, bottom_y + 8)],
                style::INK.filled(),
            ))
            .map_err(drawing)?;
        }
        let text_x = end.max(capacity(i).map_or(end, |cap| x(cap) + 4)) + 8;
        let text = texts.get(i).map_or("", String::as_str);
        haloed_label(root, text, (text_x, centre), value_size, style::BACKGROUND)?;
    }
    Ok(())
}
