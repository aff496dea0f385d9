//! The before/after bar chart: one row per category (office), a "before" and an "after" bar
//! in each, a label at the end of every bar and an optional target line. Used for caseload per
//! person and for utilisation.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::style::{self, drawing, Key, LegendEntry};
use super::Words;
use super::{numbers_problem, BeforeAfter, ChartError};

/// The least height of a row: two bars and two labels that stay apart.
const ROW_MIN: i32 = 60;
/// The most height of a row, so that one or two offices do not make slabs.
const ROW_MAX: i32 = 150;
/// Room under the plot for the tick labels and the axis description.
pub(super) const AXIS_ROOM: i32 = 95;
/// The shade of every other row.
const ZEBRA: RGBColor = RGBColor(0xF3, 0xF3, 0xF3);

pub(super) fn height(c: &BeforeAfter) -> u32 {
    let rows = i32::try_from(c.categories.len()).unwrap_or(i32::MAX / ROW_MIN);
    let needed = style::PLOT_TOP + rows.saturating_mul(ROW_MIN) + AXIS_ROOM + style::PLOT_BOTTOM;
    u32::try_from(needed).unwrap_or(u32::MAX)
}

pub(super) fn problem(c: &BeforeAfter) -> Option<String> {
    let n = c.categories.len();
    numbers_problem("before", &c.before, n)
        .or_else(|| numbers_problem("after", &c.after, n))
        .or_else(|| labels_problem("before_labels", &c.before_labels, n))
        .or_else(|| labels_problem("after_labels", &c.after_labels, n))
        .or_else(|| {
            c.target
                .as_ref()
                .and_then(|t| numbers_problem("target", &[t.value], 1))
        })
}

fn labels_problem(name: &str, labels: &[String], n: usize) -> Option<String> {
    (!labels.is_empty() && labels.len() != n).then(|| {
        format!(
            "{name} has {} labels but there are {n} rows (give one per row, or none)",
            labels.len()
        )
    })
}

/// The default label of a bar: its value, with a decimal for small values.
pub(super) fn value_text(v: f64) -> String {
    style::number(v, if v.abs() < 10.0 { 1 } else { 0 })
}

pub(super) fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    c: &BeforeAfter,
    caption: &str,
    words: &Words,
) -> Result<(), ChartError> {
    style::frame(root, &c.title, &legend(c, words), caption)?;
    if c.categories.is_empty() {
        return style::empty_note(root, words.no_data);
    }

    let (w, h) = style::pixels(root);
    let n = c.categories.len();
    let area = category_area(&c.categories, w, h);
    let (left, right, top, bottom) = (area.left, area.right, area.top, area.bottom);
    let row = ((bottom - top) / i32::try_from(n).unwrap_or(i32::MAX).max(1)).clamp(1, ROW_MAX);
    let rows_top = top + (bottom - top - row * i32::try_from(n).unwrap_or(0)) / 2;

    let before_labels = labels(&c.before_labels, &c.before);
    let after_labels = labels(&c.after_labels, &c.after);
    let value_size = (f64::from(row) * 0.42).clamp(style::MIN_SIZE, style::VALUE_SIZE);

    // The axis reaches far enough that every bar's label fits to its right.
    let plot_w = f64::from(right - left);
    let mut needed = c.target.as_ref().map_or(0.0, |t| t.value);
    for (v, label) in c
        .before
        .iter()
        .zip(&before_labels)
        .chain(c.after.iter().zip(&after_labels))
    {
        let room = (plot_w - 12.0 - f64::from(style::width(label, value_size))).max(plot_w * 0.4);
        needed = f64::max(needed, v * plot_w / room);
    }
    let (axis_max, step) = style::nice_axis(needed, 6);
    let x = |v: f64| left + ((v / axis_max) * plot_w).round() as i32;

    // Zebra rows, so that the eye follows a row from its name to its bars.
    for i in 0..n {
        let y0 = rows_top + row * i32::try_from(i).unwrap_or(0);
        if i % 2 == 1 {
            root.draw(&Rectangle::new(
                [(left, y0), (right, y0 + row)],
                ZEBRA.filled(),
            ))
            .map_err(drawing)?;
        }
    }
    value_axis(
        root,
        (left, right, top, bottom),
        (0.0, axis_max),
        step,
        &c.value_label,
        x,
    )?;
    // Under the bars and labels: a label crossing the line stays readable.
    if let Some(target) = &c.target {
        dashed_vertical(root, x(target.value), top - 4, bottom, style::INK)?;
    }
    let rows = Rows {
        top: rows_top,
        height: row,
        label_room: area.label_room,
        left,
        value_size,
    };
    draw_rows(root, c, &rows, [&before_labels, &after_labels], &x)
}

/// The legend: the two sides, and the target line when there is one.
fn legend(c: &BeforeAfter, words: &Words) -> Vec<LegendEntry> {
    let [before_name, after_name] = c
        .series_names
        .clone()
        .unwrap_or_else(|| [words.before.to_string(), words.after.to_string()]);
    let mut legend = vec![
        LegendEntry {
            label: before_name,
            colour: style::BEFORE,
            key: Key::Box,
        },
        LegendEntry {
            label: after_name,
            colour: style::AFTER,
            key: Key::Box,
        },
    ];
    if let Some(target) = &c.target {
        legend.push(LegendEntry {
            label: target.label.clone(),
            colour: style::INK,
            key: Key::DashedLine,
        });
    }
    legend
}

/// Where the rows lie, in pixels.
struct Rows {
    top: i32,
    height: i32,
    label_room: i32,
    left: i32,
    value_size: f64,
}

/// Each row: its category name, its two bars and their labels.
fn draw_rows<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    c: &BeforeAfter,
    rows: &Rows,
    [before_labels, after_labels]: [&[String]; 2],
    x: &dyn Fn(f64) -> i32,
) -> Result<(), ChartError> {
    let row = rows.height;
    let bar = ((f64::from(row) * 0.36).round() as i32).max(1);
    let label_size = (f64::from(row) * 0.45).clamp(style::MIN_SIZE, style::LABEL_SIZE);
    let max_lines = if row >= 90 { 3 } else { 2 };
    for (i, name) in c.categories.iter().enumerate() {
        let y0 = rows.top + row * i32::try_from(i).unwrap_or(0);
        let centre = y0 + row / 2;
        category_label(
            root,
            name,
            (rows.left - 14, centre),
            rows.label_room,
            label_size,
            max_lines,
        )?;
        let bars = [
            (
                c.before.get(i),
                before_labels.get(i),
                style::BEFORE,
                centre - 2 - bar,
            ),
            (
                c.after.get(i),
                after_labels.get(i),
                style::AFTER,
                centre + 2,
            ),
        ];
        for (value, label, colour, y) in bars {
            let (Some(&value), Some(label)) = (value, label) else {
                continue;
            };
            let end = x(value);
            root.draw(&Rectangle::new(
                [(rows.left, y), (end, y + bar)],
                colour.filled(),
            ))
            .map_err(drawing)?;
            let backing = if i % 2 == 1 { ZEBRA } else { style::BACKGROUND };
            haloed_label(
                root,
                label,
                (end + 8, y + bar / 2),
                rows.value_size,
                backing,
            )?;
        }
    }
    Ok(())
}

/// A label left-aligned at `at`, on a patch of `backing` so that grid and target lines do
/// not run through it.
pub(super) fn haloed_label<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    label: &str,
    (x, y): (i32, i32),
    size: f64,
    backing: RGBColor,
) -> Result<(), ChartError> {
    if label.is_empty() {
        return Ok(());
    }
    let half = (size * 0.45).round() as i32;
    root.draw(&Rectangle::new(
        [
            (x - 3, y - half),
            (x + style::width(label, size) + 3, y + half),
        ],
        backing.filled(),
    ))
    .map_err(drawing)?;
    root.draw(&Text::new(
        label.to_string(),
        (x, y),
        style::anchored(size, style::INK, HPos::Left, VPos::Center),
    ))
    .map_err(drawing)?;
    Ok(())
}

/// The labels to print: the caller's, or the values themselves.
fn labels(given: &[String], values: &[f64]) -> Vec<String> {
    if given.is_empty() {
        values.iter().map(|v| value_text(*v)).collect()
    } else {
        given.to_vec()
    }
}

/// The width left of the plot for category names: the longest name, but at most 30 % of the
/// canvas (longer names wrap).
/// The plot area of a chart with one row a category, in pixels: room on the left for the
/// category names (`label_room`) and below for the value axis.
pub(super) struct CategoryArea {
    pub(super) label_room: i32,
    pub(super) left: i32,
    pub(super) right: i32,
    pub(super) top: i32,
    pub(super) bottom: i32,
}

pub(super) fn category_area(categories: &[String], w: i32, h: i32) -> CategoryArea {
    let label_room = category_room(categories, w);
    CategoryArea {
        label_room,
        left: style::MARGIN + label_room + 18,
        right: w - style::MARGIN - 10,
        top: style::PLOT_TOP,
        bottom: h - style::PLOT_BOTTOM - AXIS_ROOM,
    }
}

pub(super) fn category_room(categories: &[String], canvas: i32) -> i32 {
    let longest = categories
        .iter()
        .map(|c| style::width(c, style::LABEL_SIZE))
        .max()
        .unwrap_or(0);
    longest.clamp(60, canvas * 3 / 10)
}

/// A category name, right-aligned against the plot and centred on its row, wrapped onto
/// `max_lines` lines if it is too long.
pub(super) fn category_label<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    name: &str,
    (right, centre): (i32, i32),
    room: i32,
    size: f64,
    max_lines: usize,
) -> Result<(), ChartError> {
    let lines = style::wrap(name, size, room, max_lines);
    let line_height = (size * 1.1).round() as i32;
    let count = i32::try_from(lines.len()).unwrap_or(1);
    let first = centre - line_height * (count - 1) / 2;
    for (k, line) in lines.into_iter().enumerate() {
        root.draw(&Text::new(
            line,
            (right, first + line_height * i32::try_from(k).unwrap_or(0)),
            style::anchored(size, style::INK, HPos::Right, VPos::Center),
        ))
        .map_err(drawing)?;
    }
    Ok(())
}

/// Grid lines, tick labels and the description of a horizontal value axis from `lo` to `hi`;
/// the line at zero, where the axis starts there, is drawn darker as its base.
pub(super) fn value_axis<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    (left, right, top, bottom): (i32, i32, i32, i32),
    (lo, hi): (f64, f64),
    step: f64,
    description: &str,
    x: impl Fn(f64) -> i32,
) -> Result<(), ChartError> {
    let decimals = style::tick_decimals(step);
    let ticks = ((hi - lo) / step).round() as i64;
    for k in 0..=ticks.clamp(0, 50) {
        let v = lo + step * k as f64;
        let px = x(v);
        let line = if k == 0 && lo == 0.0 {
            style::MUTED
        } else {
            style::GRID
        };
        root.draw(&Rectangle::new(
            [(px - 1, top), (px + 1, bottom)],
            line.filled(),
        ))
        .map_err(drawing)?;
        root.draw(&Text::new(
            style::number(v, decimals),
            (px, bottom + 10),
            style::anchored(style::TICK_SIZE, style::MUTED, HPos::Center, VPos::Top),
        ))
        .map_err(drawing)?;
    }
    root.draw(&Text::new(
        description.to_string(),
        ((left + right) / 2, bottom + 52),
        style::anchored(style::AXIS_SIZE, style::INK, HPos::Center, VPos::Top),
    ))
    .map_err(drawing)?;
    Ok(())
}

/// A dashed line, drawn as short strokes so that PNG and SVG look the same.
pub(super) fn dashed_vertical<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    x: i32,
    top: i32,
    bottom: i32,
    colour: RGBColor,
) -> Result<(), ChartError> {
    let mut y = top;
    while y < bottom {
        let end = (y + 14).min(bottom);
        root.draw(&Rectangle::new([(x - 2, y), (x + 2, end)], colour.filled()))
            .map_err(drawing)?;
        y += 24;
    }
    Ok(())
}
