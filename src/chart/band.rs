//! The band chart: median lines with their shaded 5–95 % bands over the year, in a grid of
//! panels (one per office, or a single panel of all offices summed) that share one y scale, so
//! that a small backlog never looks as large as a big one.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::style::{self, drawing, Key, LegendEntry};
use super::Words;
use super::{numbers_problem, BandChart, ChartError};

const PANEL_MIN: i32 = 300;
/// Room under the panels for the x axis description.
const AXIS_ROOM: i32 = 50;

/// Columns of the panel grid: as square as a wide canvas allows.
fn columns(panels: usize) -> usize {
    match panels {
        0 | 1 => 1,
        2 => 2,
        3 | 5 | 6 | 9 => 3,
        _ => 4,
    }
}

fn grid(panels: usize) -> (usize, usize) {
    let cols = columns(panels);
    (panels.div_ceil(cols).max(1), cols)
}

pub(super) fn height(c: &BandChart) -> u32 {
    let (rows, _) = grid(c.panels.len());
    let rows = i32::try_from(rows).unwrap_or(i32::MAX / PANEL_MIN);
    let needed = style::PLOT_TOP + rows.saturating_mul(PANEL_MIN) + AXIS_ROOM + style::PLOT_BOTTOM;
    u32::try_from(needed).unwrap_or(u32::MAX)
}

pub(super) fn problem(c: &BandChart) -> Option<String> {
    if let Some(i) = c.x.iter().position(|v| !v.is_finite()) {
        return Some(format!("x[{i}] is not a finite number"));
    }
    if c.x.windows(2).any(|pair| matches!(pair, [a, b] if b < a)) {
        return Some("x values must not decrease".to_string());
    }
    let n = c.x.len();
    for panel in &c.panels {
        for band in &panel.bands {
            let name = |part: &str| format!("{} / {} {part}", panel.title, band.name);
            let problem = numbers_problem(&name("median"), &band.median, n)
                .or_else(|| numbers_problem(&name("p5"), &band.p5, n))
                .or_else(|| numbers_problem(&name("p95"), &band.p95, n));
            if problem.is_some() {
                return problem;
            }
        }
    }
    None
}

pub(super) fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    c: &BandChart,
    caption: &str,
    words: &Words,
) -> Result<(), ChartError> {
    // A series keeps its colour in every panel: colours follow the order of first appearance.
    let mut names: Vec<&str> = Vec::new();
    for band in c.panels.iter().flat_map(|p| &p.bands) {
        if !names.contains(&band.name.as_str()) {
            names.push(&band.name);
        }
    }
    let colour_of =
        |name: &str| style::series_colour(names.iter().position(|n| *n == name).unwrap_or(0));
    let legend = legend(c, &names, &colour_of, words);
    style::frame(root, &c.title, &legend, caption)?;
    let (Some(&x_first), Some(&x_last)) = (c.x.first(), c.x.last()) else {
        return style::empty_note(root, words.no_data);
    };
    if names.is_empty() {
        return style::empty_note(root, words.no_data);
    }
    let x_range = if x_last > x_first {
        (x_first, x_last)
    } else {
        (x_first - 1.0, x_first + 1.0)
    };
    let peak = c
        .panels
        .iter()
        .flat_map(|p| &p.bands)
        .flat_map(|b| b.p95.iter().chain(&b.median))
        .fold(0.0, |m: f64, v| m.max(*v));
    let area = axis_labels(root, c)?;
    let (rows, cols) = grid(c.panels.len());
    let cells = area.split_evenly((rows, cols));
    let axes = Axes::new(c, x_range, peak, cols);
    for (panel, cell) in c.panels.iter().zip(&cells) {
        draw_panel(cell, c, panel, &axes, &colour_of)?;
    }
    Ok(())
}

/// The legend: a key per series (a shaded band, or a line for a series without spread), the
/// shade where two bands overlap, and the note on how to read them.
fn legend(
    c: &BandChart,
    names: &[&str],
    colour_of: &dyn Fn(&str) -> RGBColor,
    words: &Words,
) -> Vec<LegendEntry> {
    let shaded = |b: &&super::Band| b.p5.iter().zip(&b.p95).any(|(lo, hi)| hi > lo);
    let mut legend: Vec<LegendEntry> = names
        .iter()
        .map(|name| {
            let spread = c
                .panels
                .iter()
                .flat_map(|p| &p.bands)
                .any(|b| b.name == *name && shaded(&b));
            LegendEntry {
                label: (*name).to_string(),
                colour: colour_of(name),
                // Posts needed has no spread: a shaded key would promise a band.
                key: if spread { Key::Band } else { Key::Line },
            }
        })
        .collect();
    // Two shaded bands over one another mix into a grey that neither key shows: name it.
    if let (Some(first), Some(second)) = (names.first(), names.get(1)) {
        if c.panels
            .iter()
            .any(|p| p.bands.iter().filter(shaded).count() >= 2)
        {
            legend.push(LegendEntry {
                label: words.overlap.to_string(),
                colour: style::overlap_colour(colour_of(first), colour_of(second)),
                key: Key::Box,
            });
        }
    }
    if !names.is_empty() {
        legend.push(LegendEntry {
            label: c
                .note
                .clone()
                .unwrap_or_else(|| words.band_note.to_string()),
            colour: style::MUTED,
            key: Key::Note,
        });
    }
    legend
}

/// Writes the shared axis descriptions and returns the area left for the panel grid.
fn axis_labels<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    c: &BandChart,
) -> Result<DrawingArea<DB, Shift>, ChartError> {
    let (w, h) = style::pixels(root);
    let left = style::MARGIN + 44;
    let bottom = h - style::PLOT_BOTTOM - AXIS_ROOM;
    root.draw(&Text::new(
        c.y_label.clone(),
        (style::MARGIN + 10, (style::PLOT_TOP + bottom) / 2),
        style::upright(style::AXIS_SIZE, style::INK),
    ))
    .map_err(drawing)?;
    root.draw(&Text::new(
        c.x_label.clone(),
        ((left + w - style::MARGIN) / 2, bottom + 8),
        style::anchored(style::AXIS_SIZE, style::INK, HPos::Center, VPos::Top),
    ))
    .map_err(drawing)?;
    Ok(root.clone().shrink(
        (left, style::PLOT_TOP - 10),
        (
            u32::try_from(w - style::MARGIN - left).unwrap_or(0),
            u32::try_from(bottom - style::PLOT_TOP + 10).unwrap_or(0),
        ),
    ))
}

/// The scales every panel shares, so that panels compare at a glance.
struct Axes {
    x: (f64, f64),
    y_max: f64,
    x_decimals: usize,
    y_decimals: usize,
    x_ticks: usize,
    tick_size: f64,
    years: bool,
}

impl Axes {
    fn new(c: &BandChart, x: (f64, f64), peak: f64, cols: usize) -> Axes {
        let (y_max, y_step) = style::nice_axis(peak, 5);
        let (_, x_step) = style::nice_axis(x.1 - x.0, 6);
        // A tick a year when the x values are years (plotters would put some between them).
        let x_ticks = if c.years {
            c.x.len().clamp(1, 12)
        } else if cols > 2 {
            4
        } else {
            7
        };
        let tick_size = if cols > 2 {
            style::TICK_SIZE * 0.88
        } else {
            style::TICK_SIZE
        };
        Axes {
            x,
            y_max,
            x_decimals: style::tick_decimals(x_step),
            y_decimals: style::tick_decimals(y_step),
            x_ticks,
            tick_size,
            years: c.years,
        }
    }
}

/// One panel: its mesh, then every band's shading under every median line.
fn draw_panel<DB: DrawingBackend>(
    cell: &DrawingArea<DB, Shift>,
    c: &BandChart,
    panel: &super::BandPanel,
    axes: &Axes,
    colour_of: &dyn Fn(&str) -> RGBColor,
) -> Result<(), ChartError> {
    let x_format = |v: &f64| {
        if axes.years {
            format!("{v:.0}")
        } else {
            style::number(*v, axes.x_decimals)
        }
    };
    let y_format = |v: &f64| style::number(*v, axes.y_decimals);
    let cell_w = i32::try_from(cell.dim_in_pixel().0).unwrap_or(0);
    let mut builder = ChartBuilder::on(cell);
    builder
        .margin(12)
        .x_label_area_size(36)
        .y_label_area_size(70);
    let title = style::ellipsize(&panel.title, style::LABEL_SIZE, cell_w - 90);
    if !title.is_empty() {
        builder.caption(title, style::text(style::LABEL_SIZE, style::INK));
    }
    let mut chart = builder
        .build_cartesian_2d(axes.x.0..axes.x.1, 0.0..axes.y_max)
        .map_err(drawing)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(style::BACKGROUND)
        .bold_line_style(style::GRID)
        .axis_style(style::MUTED)
        .x_labels(axes.x_ticks)
        .y_labels(6)
        .x_label_formatter(&x_format)
        .y_label_formatter(&y_format)
        .label_style(style::text(axes.tick_size, style::MUTED))
        .draw()
        .map_err(drawing)?;
    for band in &panel.bands {
        let colour = colour_of(&band.name);
        let upper = c.x.iter().copied().zip(band.p95.iter().copied());
        let lower = c.x.iter().copied().zip(band.p5.iter().copied()).rev();
        let outline: Vec<(f64, f64)> = upper.chain(lower).collect();
        chart
            .draw_series(std::iter::once(Polygon::new(
                outline,
                colour.mix(style::BAND_ALPHA).filled(),
            )))
            .map_err(drawing)?;
    }
    for band in &panel.bands {
        let colour = colour_of(&band.name);
        chart
            .draw_series(LineSeries::new(
                c.x.iter().copied().zip(band.median.iter().copied()),
                colour.stroke_width(4),
            ))
            .map_err(drawing)?;
    }
    Ok(())
}
