//! Queueing formulas (Erlang C) for quick service-level figures and for checking the simulation.
