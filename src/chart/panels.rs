//! Small multiples: one panel per measure (staff per unit, hours per person, …), one bar per
//! series (an organisation) in every panel, each panel on its own scale because the measures
//! have different units. A series keeps its colour in every panel; a missing value gets no bar
//! but a note, so that it never reads as zero. Used for the peer benchmark.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::bars::{haloed_label, value_axis};
use super::style::{self, drawing, Key, LegendEntry};
use super::Words;
use super::{ChartError, Panels};

/// Room for a panel's title above its bars.
const TITLE_ROOM: i32 = 52;
/// Height of one bar's row.
const BAR_ROW: i32 = 46;
/// Room under the bars for the tick labels, and the gap to the next panel.
const TICK_ROOM: i32 = 48;
const PANEL_GAP: i32 = 30;
/// Gap between two columns of panels.
const COLUMN_GAP: i32 = 70;
/// Vertical centre of the first legend row (as in the one-row legend of the other charts).
const LEGEND_Y: i32 = 100;

fn columns(panels: usize) -> usize {
    if panels <= 1 {
        1
    } else {
        2
    }
}

fn legend(c: &Panels) -> Vec<LegendEntry> {
    c.series
        .iter()
        .enumerate()
        .map(|(i, name)| LegendEntry {
            label: name.clone(),
            colour: style::series_colour(i),
            key: Key::Box,
        })
        .collect()
}

fn legend_room() -> i32 {
    i32::try_from(style::WIDTH).unwrap_or(i32::MAX) - 2 * style::MARGIN
}

/// Where the panels start: under the legend, however many rows it takes.
fn plot_top(c: &Panels) -> i32 {
    // The font measures the legend; registering it here keeps `size` and drawing in step.
    let _ = style::ensure_font();
    let (_, rows) = style::legend_layout(&legend(c), legend_room());
    (LEGEND_Y + (rows.max(1) - 1) * style::LEGEND_ROW + 50).max(style::PLOT_TOP)
}

fn panel_height(c: &Panels) -> i32 {
    let series = i32::try_from(c.series.len()).unwrap_or(i32::MAX / BAR_ROW);
    TITLE_ROOM + series.saturating_mul(BAR_ROW) + TICK_ROOM + PANEL_GAP
}

pub(super) fn height(c: &Panels) -> u32 {
    let rows = c.panels.len().div_ceil(columns(c.panels.len()));
    let rows = i32::try_from(rows).unwrap_or(i32::MAX / 200);
    let needed = plot_top(c)
        .saturating_add(rows.saturating_mul(panel_height(c)))
        .saturating_add(style::PLOT_BOTTOM);
    u32::try_from(needed).unwrap_or(u32::MAX)
}

pub(super) fn problem(c: &Panels) -> Option<String> {
    let n = c.series.len();
    for panel in &c.panels {
        if panel.values.len() != n {
            return Some(format!(
                "panel \"{}\" has {} values but there are {n} series",
                panel.title,
                panel.values.len()
            ));
        }
        if let Some(i) = panel
            .values
            .iter()
            .position(|v| v.is_some_and(|v| !v.is_finite() || v < 0.0))
        {
            return Some(format!(
                "panel \"{}\" value {i} is {:?}; values must be finite and zero or more",
                panel.title, panel.values[i]
            ));
        }
    }
    None
}

pub(super) fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    c: &Panels,
    caption: &str,
    words: &Words,
) -> Result<(), ChartError> {
    style::frame(root, &c.title, &[], caption)?;
    style::legend_rows(root, &legend(c), (style::MARGIN, LEGEND_Y), legend_room())?;
    if c.panels.is_empty() || c.series.is_empty() {
        return style::empty_note(root, words.no_data);
    }
    let (w, _) = style::pixels(root);
    let cols = columns(c.panels.len());
    let cols_i = i32::try_from(cols).unwrap_or(1);
    let panel_w = (w - 2 * style::MARGIN - COLUMN_GAP * (cols_i - 1)) / cols_i;
    let top = plot_top(c);
    let panel_h = panel_height(c);
    for (k, panel) in c.panels.iter().enumerate() {
        let (row, col) = (
            i32::try_from(k / cols).unwrap_or(0),
            i32::try_from(k % cols).unwrap_or(0),
        );
        let left = style::MARGIN + col * (panel_w + COLUMN_GAP);
        let y0 = top + row * panel_h;
        draw_panel(root, panel, &c.missing, (left, y0, panel_w))?;
    }
    Ok(())
}

fn draw_panel<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panel: &super::Panel,
    missing: &str,
    (left, y0, width): (i32, i32, i32),
) -> Result<(), ChartError> {
    root.draw(&Text::new(
        style::ellipsize(&panel.title, style::LABEL_SIZE, width),
        (left, y0),
        style::anchored(style::LABEL_SIZE, style::INK, HPos::Left, VPos::Top),
    ))
    .map_err(drawing)?;
    let right = left + width - 10;
    let top = y0 + TITLE_ROOM;
    let n = i32::try_from(panel.values.len()).unwrap_or(0);
    let bottom = top + n * BAR_ROW;
    let labels: Vec<String> = panel
        .values
        .iter()
        .map(|v| v.map_or_else(|| missing.to_string(), |v| style::number(v, panel.decimals)))
        .collect();

    // The axis reaches far enough that every bar's label fits to its right.
    let plot_w = f64::from(right - left);
    let mut needed: f64 = 0.0;
    for (v, label) in panel.values.iter().zip(&labels) {
        if let Some(v) = v {
            let room = (plot_w - 12.0 - f64::from(style::width(label, style::VALUE_SIZE)))
                .max(plot_w * 0.4);
            needed = needed.max(v * plot_w / room);
        }
    }
    let (axis_max, step) = style::nice_axis(needed, 4);
    let x = |v: f64| left + ((v / axis_max) * plot_w).round() as i32;
    value_axis(
        root,
        (left, right, top, bottom),
        (0.0, axis_max),
        step,
        "",
        x,
    )?;

    let bar = (f64::from(BAR_ROW) * 0.62).round() as i32;
    for (i, (value, label)) in panel.values.iter().zip(&labels).enumerate() {
        let y = top + i32::try_from(i).unwrap_or(0) * BAR_ROW + (BAR_ROW - bar) / 2;
        match value {
            Some(v) => {
                let end = x(*v);
                root.draw(&Rectangle::new(
                    [(left, y), (end, y + bar)],
                    style::series_colour(i).filled(),
                ))
                .map_err(drawing)?;
                haloed_label(
                    root,
                    label,
                    (end + 8, y + bar / 2),
                    style::VALUE_SIZE,
                    style::BACKGROUND,
                )?;
            }
            None => {
                root.draw(&Text::new(
                    label.clone(),
                    (left + 8, y + bar / 2),
                    style::anchored(style::VALUE_SIZE, style::MUTED, HPos::Left, VPos::Center),
                ))
                .map_err(drawing)?;
            }
        }
    }
    Ok(())
}
