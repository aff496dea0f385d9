//! Monte Carlo simulation of a working year (SPEC §5).
