//! Charts of the proposal pack, as PNG and SVG, with plotters.
//!
//! The module takes plain input structs (it knows nothing of analyses, recommendations or
//! simulations, so any stage can chart its own figures) and returns the encoded files as
//! bytes: it writes no file; the report module does, atomically. Every chart shares one style
//! ([`style`]): the bundled WenQuanYi Micro Hei font, so Chinese names render in PNG on a
//! machine without CJK fonts, the Okabe–Ito palette, a title, a legend and a caption naming
//! the scenario, the seed and the date. Output depends on the inputs only: two renders of the
//! same chart are byte-identical.
//!
//! Three kinds of chart:
//! - [`BeforeAfter`]: one row per office, a "before" and an "after" bar, a label on each bar
//!   and an optional target line (caseload per person, utilisation);
//! - [`BandChart`]: median lines with their 5–95 % bands over the year, in one or more panels
//!   (backlog);
//! - [`Stacked`]: one bar per group, stacked by unit, with an optional capacity marker
//!   (allocation of the dispatched groups);
//! - [`Panels`]: small multiples, one panel per measure and one bar per organisation in each,
//!   every panel on its own scale (the peer benchmark);
//! - [`Tornado`]: one row per uncertain input, the figure at its low and at its high value
//!   around the figure at the likely values (sensitivity).
//!
//! Bar charts lie horizontally: long office names read without rotation, the labels fit at
//! the bar ends, and a chart with many rows grows taller instead of cramping them.

mod band;
mod bars;
mod panels;
mod stacked;
pub mod style;
mod tornado;
mod typeset;

use plotters::coord::Shift;
use plotters::prelude::*;

pub use style::{MIN_HEIGHT, WIDTH};

/// What the caption under every chart says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Caption {
    pub scenario: String,
    pub seed: Option<u64>,
    /// The date a planner set; never the clock's, so reruns are byte-identical.
    pub date: Option<String>,
}

/// The words a chart writes beside the caller's labels (legend defaults, the caption's
/// field names, the empty-chart note). The caller gives them in its reader's language: the
/// chart module knows no language.
#[derive(Debug, Clone, Copy)]
pub struct Words {
    pub before: &'static str,
    pub after: &'static str,
    pub capacity: &'static str,
    pub scenario: &'static str,
    pub seed: &'static str,
    pub date: &'static str,
    pub no_data: &'static str,
    pub band_note: &'static str,
    pub separator: &'static str,
    /// The legend's name for the shade where two bands overlap (their colours mixed).
    pub overlap: &'static str,
    /// Between a number and "%": a space in English ("67 %"), none in Chinese ("67%").
    pub percent_gap: &'static str,
}

/// A reference line across the bars, e.g. the 85 % utilisation target.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub value: f64,
    /// Printed beside the line, e.g. "target 85 %" or "目标 85%".
    pub label: String,
}

/// Two bars per category: today and the proposal.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BeforeAfter {
    pub title: String,
    /// What the bars measure, with its unit, e.g. "casework hours per person per year".
    pub value_label: String,
    /// One row per category (office names, Chinese included), top to bottom.
    pub categories: Vec<String>,
    pub before: Vec<f64>,
    pub after: Vec<f64>,
    /// Text printed at the end of each bar, e.g. "812 h · 7.2 items"; empty strings print
    /// nothing. Empty vectors print the bar values.
    pub before_labels: Vec<String>,
    pub after_labels: Vec<String>,
    pub target: Option<Target>,
    /// Legend names of the two bars; `None` uses [`Words`]' "before"/"after".
    pub series_names: Option<[String; 2]>,
}

/// One series over the year: its median and its 5 % and 95 % quantiles at each x.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Band {
    pub name: String,
    pub median: Vec<f64>,
    pub p5: Vec<f64>,
    pub p95: Vec<f64>,
}

/// One panel of a band chart, e.g. one office, or all offices summed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BandPanel {
    pub title: String,
    /// Series in legend order; series with the same name in several panels share a colour.
    pub bands: Vec<Band>,
}

/// Bands over a shared x axis, in a grid of panels with a common legend.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BandChart {
    pub title: String,
    /// The x axis, with its unit, e.g. "working day".
    pub x_label: String,
    /// The y axis, with its unit, e.g. "backlog (items)".
    pub y_label: String,
    /// The x value of every point; every band has one value per x.
    pub x: Vec<f64>,
    pub panels: Vec<BandPanel>,
    /// The x values are calendar years: one tick a year, printed as written (2018, not
    /// "2 018").
    pub years: bool,
    /// The legend's note on what the lines and the shading are; `None`: the median and the
    /// 5–95 % of runs.
    pub note: Option<String>,
}

/// One bar per group, made of segments (unit name, load) stacked left to right.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Stacked {
    pub title: String,
    /// What the segments measure, with its unit, e.g. "hours per year".
    pub value_label: String,
    pub groups: Vec<String>,
    pub segments: Vec<Vec<(String, f64)>>,
    /// Capacity of each group, drawn as a marker across its bar.
    pub capacity: Option<Vec<f64>>,
}

/// Small multiples: one panel per measure, one bar per series in each, each on its own scale.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Panels {
    pub title: String,
    /// The series (organisations), in legend order; bar `i` of every panel is series `i`.
    pub series: Vec<String>,
    pub panels: Vec<Panel>,
    /// Printed where a bar has no value, e.g. "no data".
    pub missing: String,
}

/// One measure of [`Panels`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Panel {
    /// The measure with its unit, e.g. "staff per supervised unit".
    pub title: String,
    /// One value per series; `None` where the series has none.
    pub values: Vec<Option<f64>>,
    /// Decimals of the value printed at each bar's end.
    pub decimals: usize,
}

/// Most rows a tornado draws: its height, and so its bitmap, stays that of a page.
pub const TORNADO_ROWS: usize = 25;

/// The tornado of the uncertain inputs: each row the figure with one input at its low and at
/// its high value, around the figure with every input at its likely value.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Tornado {
    pub title: String,
    /// The figure, with its unit, e.g. "FTE need of the organisation".
    pub value_label: String,
    /// The figure with every input at its likely value: the line the bars start from.
    pub likely: f64,
    /// Legend names: the input at low, at high, and the likely line (with its value).
    pub low_name: String,
    pub high_name: String,
    pub likely_name: String,
    /// Rows top to bottom (largest swing first).
    pub rows: Vec<TornadoRow>,
}

/// One input of a [`Tornado`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TornadoRow {
    /// The input in the scenario's words, e.g. "纪律审查: 每件工时".
    pub name: String,
    pub at_low: f64,
    pub at_high: f64,
    /// Printed beside each end, e.g. the input's low and high values.
    pub low_label: String,
    pub high_label: String,
}

/// Any chart of the pack.
#[derive(Debug, Clone, PartialEq)]
pub enum Chart {
    BeforeAfter(BeforeAfter),
    Band(BandChart),
    Stacked(Stacked),
    Panels(Panels),
    Tornado(Tornado),
}

#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("chart \"{chart}\": {problem}\n  help: this is a bug in the caller of the chart module; please report it with the scenario")]
    Input { chart: String, problem: String },

    #[error("the bundled chart font could not be loaded\n  help: the font file assets/fonts/wqy-microhei.ttc in the source tree is damaged; restore it and rebuild")]
    Font,

    #[error("cannot draw the chart: {0}")]
    Draw(String),

    #[error("cannot encode the chart as PNG: {0}")]
    Encode(String),
}

impl Chart {
    pub fn title(&self) -> &str {
        match self {
            Chart::BeforeAfter(c) => &c.title,
            Chart::Band(c) => &c.title,
            Chart::Stacked(c) => &c.title,
            Chart::Panels(c) => &c.title,
            Chart::Tornado(c) => &c.title,
        }
    }

    /// The canvas size in pixels: 1600 wide, at least 900 high, taller with many rows.
    pub fn size(&self) -> (u32, u32) {
        let height = match self {
            Chart::BeforeAfter(c) => bars::height(c),
            Chart::Band(c) => band::height(c),
            Chart::Stacked(c) => stacked::height(c),
            Chart::Panels(c) => panels::height(c),
            Chart::Tornado(c) => tornado::height(c),
        };
        (WIDTH, height.max(MIN_HEIGHT))
    }

    /// Checks lengths and values, so that drawing never meets a number it cannot place.
    pub fn validate(&self) -> Result<(), ChartError> {
        let problem = match self {
            Chart::BeforeAfter(c) => bars::problem(c),
            Chart::Band(c) => band::problem(c),
            Chart::Stacked(c) => stacked::problem(c),
            Chart::Panels(c) => panels::problem(c),
            Chart::Tornado(c) => tornado::problem(c),
        };
        match problem {
            Some(problem) => Err(ChartError::Input {
                chart: self.title().to_string(),
                problem,
            }),
            None => Ok(()),
        }
    }
}

/// The chart as a PNG file.
pub fn png(chart: &Chart, caption: &Caption, words: &Words) -> Result<Vec<u8>, ChartError> {
    chart.validate()?;
    style::ensure_font()?;
    let (w, h) = chart.size();
    let mut pixels = vec![0u8; (w as usize) * (h as usize) * 3];
    {
        let root = typeset::Typeset::new(BitMapBackend::with_buffer(&mut pixels, (w, h)))
            .into_drawing_area();
        draw(&root, chart, caption, words)?;
        root.present().map_err(style::drawing)?;
    }
    encode_png(&pixels, w, h)
}

/// The chart as an SVG file, its text kept as text.
pub fn svg(chart: &Chart, caption: &Caption, words: &Words) -> Result<String, ChartError> {
    chart.validate()?;
    style::ensure_font()?;
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, chart.size()).into_drawing_area();
        draw(&root, chart, caption, words)?;
        root.present().map_err(style::drawing)?;
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Ok(out)
}

fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &Chart,
    caption: &Caption,
    words: &Words,
) -> Result<(), ChartError> {
    let caption = style::caption_line(caption, words);
    match chart {
        Chart::BeforeAfter(c) => bars::draw(root, c, &caption, words),
        Chart::Band(c) => band::draw(root, c, &caption, words),
        Chart::Stacked(c) => stacked::draw(root, c, &caption, words),
        Chart::Panels(c) => panels::draw(root, c, &caption, words),
        Chart::Tornado(c) => tornado::draw(root, c, &caption, words),
    }
}

/// RGB pixels to PNG, with fixed settings so equal pixels give equal bytes.
fn encode_png(pixels: &[u8], w: u32, h: u32) -> Result<Vec<u8>, ChartError> {
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, w, h);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Balanced);
        let mut writer = encoder
            .write_header()
            .map_err(|e| ChartError::Encode(e.to_string()))?;
        writer
            .write_image_data(pixels)
            .map_err(|e| ChartError::Encode(e.to_string()))?;
        writer
            .finish()
            .map_err(|e| ChartError::Encode(e.to_string()))?;
    }
    Ok(out)
}

/// A problem with a list of numbers: wrong length, not finite, or negative.
fn numbers_problem(name: &str, values: &[f64], expected: usize) -> Option<String> {
    if values.len() != expected {
        return Some(format!(
            "{name} has {} values but there are {expected} rows",
            values.len()
        ));
    }
    values
        .iter()
        .position(|v| !v.is_finite() || *v < 0.0)
        .map(|i| {
            format!(
                "{name}[{i}] is {}; values must be finite and zero or more",
                values.get(i).copied().unwrap_or(f64::NAN)
            )
        })
}
