//! Recommends posts per office and staff type and the allocation of units to dispatched
//! groups (SPEC §4). The only module that imports good_lp.
