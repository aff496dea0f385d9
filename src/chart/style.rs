//! The one visual style of every chart: the bundled font, the Okabe–Ito palette, text sizes,
//! the frame (title, legend, caption) and the text helpers that fit labels into the room they
//! have. Sizes are in pixels of the 1600-pixel-wide canvas, chosen so that the smallest text
//! is still about 7 pt when the chart is printed across an A4 page.

use std::sync::OnceLock;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontTransform;

use super::{ChartError, Words};

/// WenQuanYi Micro Hei: one file with Latin and CJK glyphs (plotters has no per-glyph font
/// fallback, so one font must cover every label). Apache-2.0; see assets/fonts/README.md.
pub(super) static FONT_BYTES: &[u8] = include_bytes!("../../assets/fonts/wqy-microhei.ttc");

/// The family name under which the font is registered with plotters. SVG files carry this
/// string as their `font-family`, so it is written as a CSS font list: a viewer without the
/// bundled font picks the next CJK-capable sans-serif it has.
pub const FAMILY: &str =
    "WenQuanYi Micro Hei, Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif";

/// Registers the bundled font once per process; every later call returns the first outcome.
pub fn ensure_font() -> Result<(), ChartError> {
    static REGISTERED: OnceLock<bool> = OnceLock::new();
    let ok = *REGISTERED.get_or_init(|| {
        plotters::style::register_font(FAMILY, FontStyle::Normal, FONT_BYTES).is_ok()
    });
    if ok {
        Ok(())
    } else {
        Err(ChartError::Font)
    }
}

/// Canvas width of every chart; the height is at least [`MIN_HEIGHT`] and grows with rows.
pub const WIDTH: u32 = 1600;
pub const MIN_HEIGHT: u32 = 900;

/// Left and right margin of the canvas.
pub const MARGIN: i32 = 40;
/// Where the plot may start below the title and legend.
pub const PLOT_TOP: i32 = 150;
/// Room below the plot for the axis description and the caption.
pub const PLOT_BOTTOM: i32 = 80;

pub const TITLE_SIZE: f64 = 46.0;
pub const LEGEND_SIZE: f64 = 28.0;
pub const AXIS_SIZE: f64 = 28.0;
pub const TICK_SIZE: f64 = 25.0;
pub const LABEL_SIZE: f64 = 27.0;
pub const VALUE_SIZE: f64 = 25.0;
pub const CAPTION_SIZE: f64 = 23.0;
/// Below this, text would not survive printing; labels that do not fit are shortened instead.
pub const MIN_SIZE: f64 = 19.0;

/// Okabe & Ito (2008), the palette that stays distinct under the common colour-vision
/// deficiencies. The order puts "before" (vermillion) and "after" (blue) first, so every
/// chart that compares the two uses the same pair.
pub const PALETTE: [RGBColor; 7] = [
    RGBColor(0xD5, 0x5E, 0x00), // vermillion
    RGBColor(0x00, 0x72, 0xB2), // blue
    RGBColor(0x00, 0x9E, 0x73), // bluish green
    RGBColor(0xCC, 0x79, 0xA7), // reddish purple
    RGBColor(0xE6, 0x9F, 0x00), // orange
    RGBColor(0x56, 0xB4, 0xE9), // sky blue
    RGBColor(0xF0, 0xE4, 0x42), // yellow
];
pub const BEFORE: RGBColor = PALETTE[0];
pub const AFTER: RGBColor = PALETTE[1];
pub const SKY: RGBColor = PALETTE[5];
pub const INK: RGBColor = RGBColor(0x22, 0x22, 0x22);
pub const MUTED: RGBColor = RGBColor(0x55, 0x55, 0x55);
pub const GRID: RGBColor = RGBColor(0xDD, 0xDD, 0xDD);
pub const BACKGROUND: RGBColor = WHITE;

/// The opacity of a band's shading, in the plot and in its legend key.
pub const BAND_ALPHA: f64 = 0.22;

/// The colour where the shading of `first` lies under that of `second` on the background: the
/// grey a reader sees where two bands overlap, for the legend to name it.
pub fn overlap_colour(first: RGBColor, second: RGBColor) -> RGBColor {
    let over = |bg: u8, c: u8| {
        (f64::from(bg) * (1.0 - BAND_ALPHA) + f64::from(c) * BAND_ALPHA).round() as u8
    };
    let (RGBColor(r0, g0, b0), RGBColor(r1, g1, b1), RGBColor(r2, g2, b2)) =
        (BACKGROUND, first, second);
    RGBColor(
        over(over(r0, r1), r2),
        over(over(g0, g1), g2),
        over(over(b0, b1), b2),
    )
}

/// The colour of the `i`-th series of a chart.
pub fn series_colour(i: usize) -> RGBColor {
    PALETTE.get(i % PALETTE.len()).copied().unwrap_or(INK)
}

/// Black or white, whichever reads better on `fill`.
pub fn ink_on(fill: RGBColor) -> RGBColor {
    let RGBColor(r, g, b) = fill;
    let luminance = 0.299 * f64::from(r) + 0.587 * f64::from(g) + 0.114 * f64::from(b);
    if luminance > 150.0 {
        INK
    } else {
        WHITE
    }
}

/// A text style in the bundled font.
pub fn text(size: f64, colour: RGBColor) -> TextStyle<'static> {
    TextStyle {
        font: (FAMILY, size).into_font(),
        color: colour.to_backend_color(),
        pos: Pos::new(HPos::Left, VPos::Top),
    }
}

/// The same style anchored at `h`/`v`.
pub fn anchored(size: f64, colour: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    text(size, colour).pos(Pos::new(h, v))
}

/// The same style turned to read upwards, centred on its position.
pub fn upright(size: f64, colour: RGBColor) -> TextStyle<'static> {
    text(size, colour)
        .transform(FontTransform::Rotate270)
        .pos(Pos::new(HPos::Center, VPos::Center))
}

/// The width in pixels of `s` at `size`; 0 when the font cannot measure it.
pub fn width(s: &str, size: f64) -> i32 {
    (FAMILY, size)
        .into_font()
        .box_size(s)
        .map_or(0, |(w, _)| i32::try_from(w).unwrap_or(i32::MAX))
}

/// Splits `s` into at most `max_lines` lines no wider than `room` pixels, as even in length
/// as the room allows (no lonely last character). Breaks at spaces where it can and between
/// any two characters where it must (Chinese has no spaces), never before closing punctuation;
/// a text that still does not fit ends with "…".
pub fn wrap(s: &str, size: f64, room: i32, max_lines: usize) -> Vec<String> {
    let (lines, complete) = greedy_wrap(s, size, room, max_lines);
    if !complete || lines.len() < 2 {
        return lines;
    }
    // The narrowest room that still takes the whole text in as many lines balances them.
    let (mut lo, mut hi) = (room / i32::try_from(lines.len()).unwrap_or(1), room);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let (trial, whole) = greedy_wrap(s, size, mid, lines.len());
        if whole && trial.len() <= lines.len() {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    greedy_wrap(s, size, hi, lines.len()).0
}

/// Greedy line filling; also says whether the whole text fitted without "…".
fn greedy_wrap(s: &str, size: f64, room: i32, max_lines: usize) -> (Vec<String>, bool) {
    let mut lines: Vec<String> = Vec::new();
    let mut rest: Vec<char> = s.trim().chars().collect();
    while !rest.is_empty() && lines.len() < max_lines {
        let fits = longest_fitting(&rest, size, room);
        if fits >= rest.len() {
            lines.push(rest.iter().collect());
            rest.clear();
            break;
        }
        let mut cut = rest
            .get(..=fits)
            .and_then(|head| head.iter().rposition(|c| c.is_whitespace()))
            .filter(|&space| space > 0)
            .unwrap_or(fits.max(1));
        while cut > 1 && rest.get(cut).is_some_and(|c| CLOSING.contains(*c)) {
            cut -= 1;
        }
        let line: String = rest.iter().take(cut).collect();
        lines.push(line.trim_end().to_string());
        let blank = rest[cut..].iter().take_while(|c| c.is_whitespace()).count();
        rest.drain(..cut + blank);
    }
    let complete = rest.is_empty();
    if !complete {
        if let Some(last) = lines.pop() {
            lines.push(ellipsize(
                &format!("{last}{}", rest.iter().collect::<String>()),
                size,
                room,
            ));
        }
    }
    (lines, complete)
}

/// Punctuation that must not begin a line.
const CLOSING: &str = "）)】」』》〉，,、。.：:；;！!？?…%％";

/// `s` itself if it fits in `room` pixels, else its longest head that fits followed by "…",
/// or an empty string when not even "…" fits.
pub fn ellipsize(s: &str, size: f64, room: i32) -> String {
    if width(s, size) <= room {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    // No head longer than the one that fits alone fits with "…": start there, so that the
    // time follows the room, not the length of the text.
    for n in (0..=longest_fitting(&chars, size, room)).rev() {
        let head: String = chars.iter().take(n).collect();
        let candidate = format!("{}…", head.trim_end());
        if width(&candidate, size) <= room {
            // One character and "…" tells a reader nothing.
            return if n < 2 { String::new() } else { candidate };
        }
    }
    String::new()
}

/// How many leading characters of `chars` fit in `room` pixels. Heads are measured doubling
/// in length until one is too wide, then halved between: no head measured is more than twice
/// as long as the answer, so a long text costs what its fitting head costs.
fn longest_fitting(chars: &[char], size: f64, room: i32) -> usize {
    let fits = |n: usize| width(&chars.iter().take(n).collect::<String>(), size) <= room;
    let mut hi = 1;
    while hi < chars.len() && fits(hi) {
        hi *= 2;
    }
    let (mut lo, mut hi) = (hi / 2, hi.min(chars.len()));
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if fits(mid) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    lo
}

/// A number as a committee reads it: thousands separated by a thin space, no more decimals
/// than needed to tell neighbours on the same axis apart.
pub fn number(value: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((text.as_str(), ""));
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(' ');
        }
        grouped.push(c);
    }
    let sign = if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "-"
    } else {
        ""
    };
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{fraction}")
    }
}

/// Decimals for tick labels `step` apart.
pub fn tick_decimals(step: f64) -> usize {
    if step >= 1.0 || step <= 0.0 || !step.is_finite() {
        0
    } else {
        // Bounded loop: steps are 1, 2 or 5 times a power of ten.
        let mut decimals = 0;
        let mut s = step;
        while s < 0.999 && decimals < 6 {
            s *= 10.0;
            decimals += 1;
        }
        decimals
    }
}

/// A round axis end and tick step for data reaching `max` (1-2-5 steps, about `ticks` ticks).
pub fn nice_axis(max: f64, ticks: usize) -> (f64, f64) {
    let max = if max.is_finite() && max > 0.0 {
        max
    } else {
        1.0
    };
    let raw = max / ticks.max(1) as f64;
    let power = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * power);
    ((max / step).ceil() * step, step)
}

/// Converts any plotters error into ours.
pub fn drawing<E: std::fmt::Display>(error: E) -> ChartError {
    ChartError::Draw(error.to_string())
}

/// Draws the title, the legend row under it and the caption line at the bottom.
pub fn frame<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    title: &str,
    legend: &[LegendEntry],
    caption: &str,
) -> Result<(), ChartError> {
    root.fill(&BACKGROUND).map_err(drawing)?;
    let (w, h) = root.dim_in_pixel();
    let room = i32::try_from(w).unwrap_or(i32::MAX) - 2 * MARGIN;
    let title = ellipsize(title, TITLE_SIZE, room);
    root.draw(&Text::new(
        title,
        (MARGIN, 28),
        anchored(TITLE_SIZE, INK, HPos::Left, VPos::Top),
    ))
    .map_err(drawing)?;
    draw_legend(root, legend, (MARGIN, 100))?;
    let bottom = i32::try_from(h).unwrap_or(i32::MAX) - 22;
    root.draw(&Text::new(
        ellipsize(caption, CAPTION_SIZE, room),
        (MARGIN, bottom),
        anchored(CAPTION_SIZE, MUTED, HPos::Left, VPos::Bottom),
    ))
    .map_err(drawing)?;
    Ok(())
}

/// One legend key: a filled box, a line, a marker, or a shaded band with a line.
#[derive(Debug, Clone)]
pub struct LegendEntry {
    pub label: String,
    pub colour: RGBColor,
    pub key: Key,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Box,
    Line,
    DashedLine,
    Marker,
    Band,
    /// Text only, e.g. a note on how to read the keys before it.
    Note,
}

/// Draws the legend in one row starting at `origin` (left, vertical centre).
fn draw_legend<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    legend: &[LegendEntry],
    (mut x, y): (i32, i32),
) -> Result<(), ChartError> {
    for entry in legend {
        x = draw_legend_entry(root, entry, (x, y))?;
    }
    Ok(())
}

/// Height of one row of a legend that wraps ([`legend_rows`]).
pub const LEGEND_ROW: i32 = 40;

/// The width one legend entry takes, its key and the gap after it included.
fn legend_entry_width(entry: &LegendEntry) -> i32 {
    let key = if entry.key == Key::Note { 0 } else { 48 };
    key + width(&entry.label, LEGEND_SIZE) + 44
}

/// Where each entry of a legend goes when it wraps onto as many rows as `room` pixels need:
/// (x offset from the left, row), and the number of rows.
pub fn legend_layout(legend: &[LegendEntry], room: i32) -> (Vec<(i32, i32)>, i32) {
    let (mut x, mut row) = (0, 0);
    let mut places = Vec::with_capacity(legend.len());
    for entry in legend {
        let w = legend_entry_width(entry);
        if x > 0 && x + w - 44 > room {
            x = 0;
            row += 1;
        }
        places.push((x, row));
        x += w;
    }
    let rows = if legend.is_empty() { 0 } else { row + 1 };
    (places, rows)
}

/// Draws a legend from `(left, y)` (vertical centre of the first row), wrapping onto further
/// rows [`LEGEND_ROW`] apart within `room` pixels; labels too long for a row are shortened.
pub fn legend_rows<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    legend: &[LegendEntry],
    (left, y): (i32, i32),
    room: i32,
) -> Result<(), ChartError> {
    let (places, _) = legend_layout(legend, room);
    for (entry, (x, row)) in legend.iter().zip(places) {
        let mut entry = entry.clone();
        entry.label = ellipsize(&entry.label, LEGEND_SIZE, room - 48 - x);
        draw_legend_entry(root, &entry, (left + x, y + row * LEGEND_ROW))?;
    }
    Ok(())
}

/// One legend entry at `(x, y)` (left, vertical centre); returns where the next one starts.
fn draw_legend_entry<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    entry: &LegendEntry,
    (mut x, y): (i32, i32),
) -> Result<i32, ChartError> {
    let c = entry.colour;
    match entry.key {
        Key::Box => root
            .draw(&Rectangle::new([(x, y - 13), (x + 36, y + 13)], c.filled()))
            .map_err(drawing)?,
        Key::Line => root
            .draw(&Rectangle::new([(x, y - 2), (x + 36, y + 2)], c.filled()))
            .map_err(drawing)?,
        Key::DashedLine => {
            for dash in 0..3 {
                let x0 = x + dash * 14;
                root.draw(&Rectangle::new([(x0, y - 2), (x0 + 8, y + 2)], c.filled()))
                    .map_err(drawing)?;
            }
        }
        Key::Marker => root
            .draw(&Rectangle::new(
                [(x + 15, y - 17), (x + 21, y + 17)],
                c.filled(),
            ))
            .map_err(drawing)?,
        Key::Note => {}
        Key::Band => {
            root.draw(&Rectangle::new(
                [(x, y - 13), (x + 36, y + 13)],
                c.mix(BAND_ALPHA).filled(),
            ))
            .map_err(drawing)?;
            root.draw(&Rectangle::new([(x, y - 2), (x + 36, y + 2)], c.filled()))
                .map_err(drawing)?;
        }
    }
    if entry.key != Key::Note {
        x += 48;
    }
    root.draw(&Text::new(
        entry.label.clone(),
        (x, y),
        anchored(LEGEND_SIZE, INK, HPos::Left, VPos::Center),
    ))
    .map_err(drawing)?;
    Ok(x + width(&entry.label, LEGEND_SIZE) + 44)
}

/// The caption line: scenario, seed and date, each only when known.
pub fn caption_line(caption: &super::Caption, words: &Words) -> String {
    let mut parts = vec![format!("{}{}", words.scenario, caption.scenario)];
    if let Some(seed) = caption.seed {
        parts.push(format!("{}{seed}", words.seed));
    }
    if let Some(date) = caption.date.as_deref().filter(|d| !d.trim().is_empty()) {
        parts.push(format!("{}{date}", words.date));
    }
    parts.join(words.separator)
}

/// The size of a drawing area in pixels, as the signed coordinates plotters draws with.
pub fn pixels<DB: DrawingBackend>(root: &DrawingArea<DB, plotters::coord::Shift>) -> (i32, i32) {
    let (w, h) = root.dim_in_pixel();
    (
        i32::try_from(w).unwrap_or(i32::MAX),
        i32::try_from(h).unwrap_or(i32::MAX),
    )
}

/// A centred note in an empty plot, so that a chart with nothing to show says so.
pub fn empty_note<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    note: &str,
) -> Result<(), ChartError> {
    let (w, h) = pixels(root);
    root.draw(&Rectangle::new(
        [(MARGIN, PLOT_TOP), (w - MARGIN, h - PLOT_BOTTOM)],
        GRID.stroke_width(2),
    ))
    .map_err(drawing)?;
    root.draw(&Text::new(
        note.to_string(),
        (w / 2, (PLOT_TOP + h - PLOT_BOTTOM) / 2),
        anchored(AXIS_SIZE * 1.3, MUTED, HPos::Center, VPos::Center),
    ))
    .map_err(drawing)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text of 100,000 characters (which once took minutes, each character dropped and the
    /// rest measured again) is cut to the longest head that fits with "…".
    #[test]
    fn ellipsis_of_a_long_text_is_the_longest_head_that_fits() {
        let long = "ab c".repeat(25_000);
        ensure_font().unwrap();
        let cut = ellipsize(&long, LABEL_SIZE, 300);
        assert!(
            cut.ends_with('…') && width(&cut, LABEL_SIZE) <= 300,
            "{}",
            cut.len()
        );
        let head = cut.trim_end_matches('…');
        assert!(long.starts_with(head));
        let longer = format!("{}…", &long[..head.len() + 1].trim_end());
        assert!(
            width(&longer, LABEL_SIZE) > 300,
            "{} fits too",
            longer.len()
        );
        let lines = wrap(&long, LABEL_SIZE, 300, 3);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with('…'));
    }

    #[test]
    fn numbers_group_thousands_and_keep_sign() {
        assert_eq!(number(1234567.0, 0), "1 234 567");
        assert_eq!(number(812.44, 1), "812.4");
        assert_eq!(number(-1500.0, 0), "-1 500");
        assert_eq!(number(-0.01, 1), "0.0");
        assert_eq!(number(999.6, 0), "1 000");
    }

    #[test]
    fn axis_ends_are_round() {
        assert_eq!(nice_axis(812.0, 5), (1000.0, 200.0));
        assert_eq!(nice_axis(0.93, 5), (1.0, 0.2));
        assert_eq!(nice_axis(0.0, 5), (1.0, 0.2));
        assert_eq!(nice_axis(f64::NAN, 5), (1.0, 0.2));
        assert_eq!(tick_decimals(0.2), 1);
        assert_eq!(tick_decimals(0.05), 2);
        assert_eq!(tick_decimals(200.0), 0);
    }

    #[test]
    fn wrapping_keeps_every_character_or_marks_the_cut() {
        ensure_font().unwrap();
        let name = "第一纪检监察室和审理室";
        let one_char = width("第", LABEL_SIZE);
        assert!(one_char > 0);
        let lines = wrap(name, LABEL_SIZE, one_char * 6, 2);
        assert_eq!(lines.concat(), name);
        assert_eq!(lines.len(), 2);
        let cut = wrap(name, LABEL_SIZE, one_char * 3, 2);
        assert_eq!(cut.len(), 2);
        assert!(cut[1].ends_with('…'), "{cut:?}");
        let room = width("Party conduct", LABEL_SIZE).max(width("and education", LABEL_SIZE));
        let latin = wrap("Party conduct and education", LABEL_SIZE, room + 2, 3);
        assert_eq!(latin, vec!["Party conduct", "and education"]);
    }

    #[test]
    fn wrapped_lines_are_balanced_and_punctuation_stays_behind() {
        ensure_font().unwrap();
        let name = "第一派驻纪检组（综合派驻：经济发展局、财政局）";
        // Greedy filling would leave "局）" alone on the second line.
        let room = width("第一派驻纪检组（综合派驻：经济发展局、财政", LABEL_SIZE) + 1;
        let greedy = greedy_wrap(name, LABEL_SIZE, room, 2).0;
        assert_eq!(greedy[1], "局）", "{greedy:?}");
        let lines = wrap(name, LABEL_SIZE, room, 2);
        assert_eq!(lines.concat(), name);
        let widths: Vec<i32> = lines.iter().map(|l| width(l, LABEL_SIZE)).collect();
        assert!(
            (widths[0] - widths[1]).abs() <= width("第", LABEL_SIZE) * 2,
            "{lines:?}"
        );
        assert!(lines
            .iter()
            .all(|l| !l.starts_with(|c| CLOSING.contains(c))));
    }
}
