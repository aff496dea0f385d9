//! Charts of the proposal pack, as PNG and SVG, with plotters.
