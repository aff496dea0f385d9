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
pub(super) fn total_text(total: f64, capacity: Option<f64>, words: &Words) -> String {
    match capacity {
        Some(cap) if cap > 0.0 => format!(
            "{} / {} ({}{}%)",
            value_text(total),
            value_text(cap),
            style::number(100.0 * total / cap, 0),
            words.percent_gap,
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
        .map(|(i, t)| total_text(*t, capacity(i), words))
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
    let lines = if f64::from(bar) >= inside_size * 2.3 {
        2
    } else {
        1
    };
    let rooms = segment_rooms(c, &x);
    let mut names = segment_labels(&rooms, inside_size, lines).into_iter();
    for (i, name) in c.groups.iter().enumerate() {
        let y0 = rows_top + row * i32::try_from(i).unwrap_or(0);
        let centre = y0 + row / 2;
        category_label(root, name, (left - 14, centre), label_room, label_size, 2)?;
        let (top_y, bottom_y) = (centre - bar / 2, centre - bar / 2 + bar);
        let mut start = 0.0;
        for (k, (_, load)) in c.segments.get(i).into_iter().flatten().enumerate() {
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
            let name = names.next().unwrap_or_default();
            let style =
                style::anchored(inside_size, style::ink_on(fill), HPos::Center, VPos::Center);
            centred_lines(root, name, ((x0 + x1) / 2, centre), style)?;
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

/// `lines` centred on `(x, centre)`, one under the other.
fn centred_lines<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    lines: Vec<String>,
    (x, centre): (i32, i32),
    style: TextStyle<'static>,
) -> Result<(), ChartError> {
    let line_height = (style.font.get_size() * 1.1).round() as i32;
    let count = i32::try_from(lines.len()).unwrap_or(1);
    let first = centre - line_height * (count - 1) / 2;
    for (k, line) in lines.into_iter().enumerate() {
        let y = first + line_height * i32::try_from(k).unwrap_or(0);
        root.draw(&Text::new(line, (x, y), style.clone()))
            .map_err(drawing)?;
    }
    Ok(())
}

/// Each segment's unit name and the width in pixels its label may take, bar by bar.
fn segment_rooms(c: &Stacked, x: &dyn Fn(f64) -> i32) -> Vec<(String, i32)> {
    let mut rooms = Vec::new();
    for segments in &c.segments {
        let mut start = 0.0;
        for (unit, load) in segments {
            rooms.push((unit.clone(), x(start + load) - x(start) - 10));
            start += load;
        }
    }
    rooms
}

/// The names printed inside the segments, each `(name, room in pixels)`: on up to `lines`
/// lines, shortened with "…" where the room is short. Two different names never print the
/// same: where shortening makes them equal ("科技企…" for both 科技企业孵化器党委 and
/// 科技企业孵化服务中心), the last line keeps the end of the name instead ("孵化…党委",
/// "孵化…中心"); a name that cannot be told apart in its room prints nothing.
pub fn segment_labels(names: &[(String, i32)], size: f64, lines: usize) -> Vec<Vec<String>> {
    let mut labels: Vec<Vec<String>> = names
        .iter()
        .map(|(name, room)| fit(name, size, *room, lines))
        .collect();
    for i in 0..names.len() {
        let clash = |labels: &[Vec<String>], i: usize| {
            !labels[i].is_empty()
                && (0..names.len())
                    .any(|j| j != i && names[j].0 != names[i].0 && labels[j] == labels[i])
        };
        if !clash(&labels, i) {
            continue;
        }
        let (name, room) = (&names[i].0, names[i].1);
        let mut found = Vec::new();
        for keep in 1..name.chars().count() {
            let candidate = keep_end(name, size, room, lines, keep);
            if candidate.is_empty() {
                break;
            }
            labels[i] = candidate.clone();
            if !clash(&labels, i) {
                found = candidate;
                break;
            }
        }
        labels[i] = found;
    }
    labels
}

/// `name` on up to `lines` lines of `room` pixels, "…" where it is cut; nothing where not even
/// two characters fit.
fn fit(name: &str, size: f64, room: i32, lines: usize) -> Vec<String> {
    if room <= 0 {
        return Vec::new();
    }
    let wrapped = style::wrap(name, size, room, lines.max(1));
    if wrapped.iter().any(|l| l.is_empty()) {
        return Vec::new();
    }
    wrapped
}

/// `name` shortened to keep its last `keep` characters: the lines before the last as `fit`
/// fills them, the last line the rest of the name cut in its middle ("孵化…党委"); empty when
/// that does not fit.
fn keep_end(name: &str, size: f64, room: i32, lines: usize, keep: usize) -> Vec<String> {
    let chars: Vec<char> = name.trim().chars().collect();
    let head_lines = if lines > 1 {
        style::wrap(name, size, room, lines - 1)
            .into_iter()
            .filter(|l| !l.ends_with('…'))
            .take(lines - 1)
            .collect::<Vec<_>>()
    } else {
        Vec::new()
    };
    // The characters the head lines took (spaces at a break were dropped by the wrap).
    let mut used = 0;
    for line in &head_lines {
        for c in line.chars() {
            while chars
                .get(used)
                .is_some_and(|x| x.is_whitespace() && !c.is_whitespace())
            {
                used += 1;
            }
            used += 1;
        }
    }
    let rest: Vec<char> = chars.get(used..).unwrap_or(&[]).to_vec();
    if keep + 1 >= rest.len() {
        return Vec::new();
    }
    let tail: String = rest[rest.len() - keep..].iter().collect();
    let head: String = rest[..rest.len() - keep].iter().collect();
    let cut = style::ellipsize(&head, size, room - style::width(&tail, size));
    if cut.is_empty() {
        return Vec::new();
    }
    let last = if cut.ends_with('…') {
        format!("{cut}{tail}")
    } else {
        format!("{cut}…{tail}")
    };
    let mut out = head_lines;
    out.push(last);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> Words {
        Words {
            before: "",
            after: "",
            capacity: "",
            scenario: "",
            seed: "",
            date: "",
            no_data: "",
            band_note: "",
            separator: "",
            overlap: "",
            percent_gap: "",
        }
    }

    /// Two units whose names share their first four characters, in a segment that holds
    /// three and "…", print two different labels; one that fits prints whole.
    #[test]
    fn shortened_segment_names_stay_distinct() {
        style::ensure_font().unwrap();
        let size = style::VALUE_SIZE;
        let room = style::width("科技企…", size) + 1;
        let names = [
            ("科技企业孵化器党委".to_string(), room),
            ("科技企业孵化服务中心".to_string(), room),
            ("会展中心".to_string(), style::width("会展中心", size) + 1),
        ];
        for lines in [1, 2] {
            let labels = segment_labels(&names, size, lines);
            assert_ne!(labels[0], labels[1], "{lines} lines: {labels:?}");
            assert!(!labels[0].is_empty() && !labels[1].is_empty(), "{labels:?}");
            assert_eq!(labels[2], vec!["会展中心".to_string()]);
            for label in &labels {
                for line in label {
                    assert!(style::width(line, size) <= room.max(names[2].1), "{line}");
                }
            }
        }
        // One line: the first keeps its end, the second keeps "科技企…"
        let one = segment_labels(&names, size, 1);
        assert_eq!(one[1], vec!["科技企…".to_string()]);
        assert!(one[0][0].ends_with('委'), "{one:?}");
        // Two lines of four: "科技企业" then the rest, told apart by the second line.
        let wide = style::width("科技企业", size) + 1;
        let two = segment_labels(
            &[
                ("科技企业孵化器党委".to_string(), wide),
                ("科技企业孵化服务中心".to_string(), wide),
            ],
            size,
            2,
        );
        assert_eq!(two[0][0], "科技企业");
        assert_ne!(two[0], two[1]);
    }

    /// A share of capacity is "67%" in Chinese and "67 %" in English.
    #[test]
    fn percent_follows_the_language() {
        let zh = words();
        let en = Words {
            percent_gap: " ",
            ..words()
        };
        let figures = format!(
            "{} / {}",
            style::number(2016.0, 0),
            style::number(3008.0, 0)
        );
        assert_eq!(
            total_text(2016.0, Some(3008.0), &zh),
            format!("{figures} (67%)")
        );
        assert_eq!(
            total_text(2016.0, Some(3008.0), &en),
            format!("{figures} (67 %)")
        );
    }
}
