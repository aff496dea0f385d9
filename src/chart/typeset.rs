//! Text of the PNG charts, set glyph by glyph at its own side bearing. plotters' ab_glyph
//! renderer puts the ink of every glyph at the pen position and drops the glyph's left side
//! bearing, so a glyph with a wide bearing (日, 区, d) is pulled against the one before it and
//! leaves a gap after it: "日 期", "派驻第一区 属企业", "and  Juvenile". [`Typeset`] wraps the
//! bitmap backend and draws text itself from the same font, size, anchor and turn that plotters
//! measures with, so every label stays where the layout put it and only its spacing changes.
//! The SVG backend writes text as text, which the viewer sets, and needs no wrapper.

use ab_glyph::{point, Font, FontRef, ScaleFont};
use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};

use super::style::FONT_BYTES;

/// A backend that draws everything as `inner` does, text excepted.
pub struct Typeset<B> {
    inner: B,
    font: Option<FontRef<'static>>,
}

impl<B: DrawingBackend> Typeset<B> {
    pub fn new(inner: B) -> Typeset<B> {
        Typeset {
            inner,
            font: FontRef::try_from_slice(FONT_BYTES).ok(),
        }
    }
}

/// Where each pixel of `text`'s ink goes, relative to the pen at the top left of the text, and
/// its coverage: glyphs placed at their advance, kerning and left side bearing, with the
/// vertical placement plotters uses (so that a label's height is unchanged).
pub fn ink(font: &FontRef<'_>, size: f64, text: &str) -> Vec<(i32, i32, f32)> {
    let scaled = font.as_scaled(size as f32);
    let mut pen = 0f32;
    let mut previous = None;
    let mut out = Vec::new();
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(p) = previous {
            pen += scaled.kern(p, id);
        }
        previous = Some(id);
        let glyph = id.with_scale_and_position(scaled.scale(), point(pen, 0.0));
        if let Some(outline) = font.outline_glyph(glyph) {
            let bounds = outline.px_bounds();
            // As plotters: the glyph's top sits half a size above its own top bearing.
            let top = ((size as f32) / 2.0 + bounds.min.y) as i32;
            let left = bounds.min.x as i32;
            outline.draw(|x, y, coverage| {
                if coverage > 0.0 {
                    out.push((left + x as i32, top + y as i32, coverage));
                }
            });
        }
        pen += scaled.h_advance(id);
    }
    out
}

impl<B: DrawingBackend> DrawingBackend for Typeset<B> {
    type ErrorType = B::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.fill_polygon(vert, style)
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let Some(font) = self.font.clone() else {
            return self.inner.draw_text(text, style, pos);
        };
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        // The box plotters measures the text with, so that anchors land where they did.
        let ((min_x, min_y), (max_x, max_y)) = style
            .layout_box(text)
            .map_err(|e| DrawingErrorKind::FontError(Box::new(e)))?;
        let (width, height) = (max_x - min_x, max_y - min_y);
        let dx = match style.anchor().h_pos {
            HPos::Left => 0,
            HPos::Right => -width,
            HPos::Center => -width / 2,
        };
        let dy = match style.anchor().v_pos {
            VPos::Top => 0,
            VPos::Center => -height / 2,
            VPos::Bottom => -height,
        };
        let turn = style.transform();
        let (w, h) = self.get_size();
        let (w, h) = (
            i32::try_from(w).unwrap_or(i32::MAX),
            i32::try_from(h).unwrap_or(i32::MAX),
        );
        for (x, y, coverage) in ink(&font, style.size(), text) {
            let (x, y) = turn.transform(x + dx - min_x, y + dy - min_y);
            let (x, y) = (pos.0 + x, pos.1 + y);
            if x >= 0 && x < w && y >= 0 && y < h {
                self.inner
                    .draw_pixel((x, y), color.mix(f64::from(coverage)))?;
            }
        }
        Ok(())
    }

    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        self.inner.estimate_text_size(text, style)
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.blit_bitmap(pos, size, src)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The columns of `text`'s ink, left to right.
    fn columns(font: &FontRef<'_>, text: &str) -> Vec<i32> {
        let mut xs: Vec<i32> = ink(font, 40.0, text).iter().map(|p| p.0).collect();
        xs.sort_unstable();
        xs.dedup();
        xs
    }

    /// The blank gap between the ink of two glyphs of a pair is the font's own: the right
    /// bearing of the first plus the left bearing of the second, to a pixel. plotters drops
    /// the left bearing of every glyph, so the gap after a narrow glyph grew by its bearing.
    #[test]
    fn glyphs_keep_their_side_bearings() {
        let font = FontRef::try_from_slice(FONT_BYTES).unwrap();
        let scaled = font.as_scaled(40.0);
        for pair in ["日期", "区属", "nd"] {
            let mut chars = pair.chars();
            let (a, b) = (chars.next().unwrap(), chars.next().unwrap());
            let first = columns(&font, &a.to_string());
            let both = columns(&font, pair);
            let a_right = *first.last().unwrap();
            let b_left = *both.iter().find(|&&x| x > a_right + 1).unwrap();
            let (ida, idb) = (scaled.glyph_id(a), scaled.glyph_id(b));
            let bounds = |id: ab_glyph::GlyphId| {
                font.outline_glyph(id.with_scale(scaled.scale()))
                    .unwrap()
                    .px_bounds()
            };
            let (ba, bb) = (bounds(ida), bounds(idb));
            let expected = scaled.h_advance(ida) + scaled.kern(ida, idb) - ba.max.x + bb.min.x;
            let gap = (b_left - a_right - 1) as f32;
            assert!(
                (gap - expected).abs() <= 1.5,
                "{pair}: gap {gap}, font's {expected}"
            );
        }
    }
}
