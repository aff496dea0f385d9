//! Queueing formulas (Erlang C) for quick service-level figures and for checking the simulation.
//!
//! An office whose work needs one person per item, arriving as a Poisson process and taking an
//! exponential time, is the classic M/M/c queue: `c` servers (people), arrival rate `λ`,
//! service rate `μ` per server. Erlang C gives the probability that an item has to wait and the
//! mean wait; the report uses it as a one-line service-level figure, and the tests use it to
//! check the simulation engine against an independent, exact answer. Rates may be in any time
//! unit (items a working day, items an hour); waits come out in the same unit.

/// An M/M/c queue: `servers` people, items arriving at `arrival_rate`, each person finishing
/// `service_rate` items per unit of time while busy.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mmc {
    pub servers: u32,
    pub arrival_rate: f64,
    pub service_rate: f64,
}

impl Mmc {
    /// Offered load `a = λ / μ`: the number of people kept busy on average.
    pub fn offered_load(&self) -> f64 {
        self.arrival_rate / self.service_rate
    }

    /// Utilisation `ρ = λ / (c μ)`: the share of the people's time spent busy.
    pub fn utilisation(&self) -> f64 {
        self.offered_load() / f64::from(self.servers)
    }

    /// Is the queue stable (ρ < 1, rates positive and finite)? Without it the queue grows
    /// without bound and waits have no steady state.
    pub fn is_stable(&self) -> bool {
        self.servers > 0
            && self.arrival_rate.is_finite()
            && self.service_rate.is_finite()
            && self.arrival_rate >= 0.0
            && self.service_rate > 0.0
            && self.utilisation() < 1.0
    }

    /// Probability that an arriving item has to wait (Erlang C); `None` if unstable.
    pub fn probability_of_waiting(&self) -> Option<f64> {
        if !self.is_stable() {
            return None;
        }
        erlang_c(self.servers, self.offered_load())
    }

    /// Mean time from arrival to start, `C / (c μ − λ)`; `None` if unstable.
    pub fn mean_wait(&self) -> Option<f64> {
        let waiting = self.probability_of_waiting()?;
        Some(waiting / (f64::from(self.servers) * self.service_rate - self.arrival_rate))
    }

    /// Mean time from arrival to completion: mean wait plus mean service `1 / μ`.
    pub fn mean_time_in_system(&self) -> Option<f64> {
        Some(self.mean_wait()? + 1.0 / self.service_rate)
    }

    /// Mean number of items waiting to start (Little's law, `λ W_q`).
    pub fn mean_queue_length(&self) -> Option<f64> {
        Some(self.arrival_rate * self.mean_wait()?)
    }

    /// Probability that an item is finished within `t` of arriving (wait plus exponential
    /// service): with `C` the probability of waiting, `θ = c μ − λ` the rate at which a wait
    /// ends, and `S` the service time, `P(T > t) = (1 − C) e^{−μt} + C · P(Exp(θ) + S > t)`,
    /// where `P(Exp(θ) + S > t) = (θ e^{−μt} − μ e^{−θt}) / (θ − μ)` (or `(1 + μt) e^{−μt}`
    /// when `θ = μ`). `None` if unstable.
    pub fn probability_done_within(&self, t: f64) -> Option<f64> {
        let waiting = self.probability_of_waiting()?;
        let mu = self.service_rate;
        let theta = f64::from(self.servers) * mu - self.arrival_rate;
        if t <= 0.0 {
            return Some(0.0);
        }
        let service_over = (-mu * t).exp();
        let wait_and_service_over = if ((theta - mu) / mu).abs() < 1e-9 {
            (1.0 + mu * t) * service_over
        } else {
            (theta * service_over - mu * (-theta * t).exp()) / (theta - mu)
        };
        let over = (1.0 - waiting) * service_over + waiting * wait_and_service_over;
        Some((1.0 - over).clamp(0.0, 1.0))
    }

    /// Probability that an item waits longer than `t`: `C · e^{−(c μ − λ) t}`.
    pub fn probability_wait_exceeds(&self, t: f64) -> Option<f64> {
        let waiting = self.probability_of_waiting()?;
        let drain = f64::from(self.servers) * self.service_rate - self.arrival_rate;
        Some(if t <= 0.0 {
            waiting
        } else {
            waiting * (-drain * t).exp()
        })
    }
}

/// Erlang B: the probability that all `servers` are busy in a loss system with offered load
/// `a`. Computed by the recurrence `B(k) = a B(k−1) / (k + a B(k−1))`, which never overflows
/// (unlike the factorial sums) for any number of servers.
pub fn erlang_b(servers: u32, offered_load: f64) -> f64 {
    let mut blocking = 1.0;
    for k in 1..=servers {
        let ab = offered_load * blocking;
        blocking = ab / (f64::from(k) + ab);
    }
    blocking
}

/// Erlang C: the probability of waiting with `servers` people and offered load `a` (in
/// people), `C = c B / (c − a (1 − B))`. `None` when `a ≥ c` (no steady state) or the input
/// is not a finite non-negative load.
pub fn erlang_c(servers: u32, offered_load: f64) -> Option<f64> {
    let c = f64::from(servers);
    if servers == 0 || !offered_load.is_finite() || offered_load < 0.0 || offered_load >= c {
        return None;
    }
    let b = erlang_b(servers, offered_load);
    Some(c * b / (c - offered_load * (1.0 - b)))
}

/// Erlang C for a fractional number of people `c` (SPEC §13: casework persons, a half-time
/// leader counting half): linear interpolation between `⌊c⌋` and `⌈c⌉` people, where a
/// whole number at or below the load counts as certain waiting (1). So the probability lies
/// between its neighbours' and is 1 only when `a ≥ c`, where it is `None` (no steady state).
pub fn erlang_c_fractional(servers: f64, offered_load: f64) -> Option<f64> {
    if !servers.is_finite()
        || servers <= 0.0
        || servers >= f64::from(u32::MAX)
        || !offered_load.is_finite()
        || offered_load < 0.0
        || offered_load >= servers
    {
        return None;
    }
    let low = servers.floor();
    let share = servers - low;
    let at = |c: f64| erlang_c(c as u32, offered_load).unwrap_or(1.0);
    if share == 0.0 {
        return erlang_c(low as u32, offered_load);
    }
    Some((1.0 - share) * at(low) + share * at(low + 1.0))
}

/// Square-root staffing: the people needed for offered load `a` with a safety margin of
/// `beta` standard deviations, `⌈a + β √a⌉` (β ≈ 0.5 for a modest service level, 1–2 for a
/// high one). Never below 1 when there is any load.
pub fn square_root_staffing(offered_load: f64, beta: f64) -> u32 {
    if !offered_load.is_finite() || offered_load <= 0.0 {
        return 0;
    }
    let people = (offered_load + beta.max(0.0) * offered_load.sqrt()).ceil();
    if people >= f64::from(u32::MAX) {
        u32::MAX
    } else {
        (people as u32).max(1)
    }
}

/// The fewest people for which the probability of waiting is at most `target` (0..1), by
/// stepping up from the least stable staffing; `None` for a target outside (0, 1] or a load
/// that no `u32` headcount can carry.
pub fn least_servers_for_waiting(offered_load: f64, target: f64) -> Option<u32> {
    if !offered_load.is_finite() || offered_load < 0.0 || !(target > 0.0 && target <= 1.0) {
        return None;
    }
    if offered_load == 0.0 {
        return Some(0);
    }
    let start = offered_load.floor() + 1.0;
    if start >= f64::from(u32::MAX) {
        return None;
    }
    let mut servers = start as u32;
    loop {
        if erlang_c(servers, offered_load).is_some_and(|c| c <= target) {
            return Some(servers);
        }
        servers = servers.checked_add(1)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fractional_erlang_c_lies_between_its_neighbours() {
        // a = 4: C(5, 4) = 0.5541 and C(6, 4) = 0.2848 (textbook values).
        let five = erlang_c(5, 4.0).unwrap();
        let six = erlang_c(6, 4.0).unwrap();
        assert!((five - 0.554_05).abs() < 1e-4 && (six - 0.284_76).abs() < 1e-4);
        let half = erlang_c_fractional(5.5, 4.0).unwrap();
        assert!(six < half && half < five);
        assert!((half - (five + six) / 2.0).abs() < 1e-12);
        assert_eq!(erlang_c_fractional(5.0, 4.0), Some(five));
        // 4.5 persons (five people, a half-time leader) at a load of 4 (89 %): ⌊c⌋ = 4 alone
        // would never settle, but 4.5 does: half of certain waiting and half of C(5, 4).
        let leader = erlang_c_fractional(4.5, 4.0).unwrap();
        assert!((leader - (1.0 + five) / 2.0).abs() < 1e-12 && leader < 1.0);
        assert_eq!(erlang_c_fractional(4.5, 4.5), None);
        assert_eq!(erlang_c_fractional(4.5, 4.6), None);
    }

    /// Erlang C by its textbook factorial form, as an independent check of the recurrence.
    fn erlang_c_direct(c: u32, a: f64) -> f64 {
        let mut term = 1.0; // a^k / k!
        let mut sum = 0.0;
        for k in 0..c {
            if k > 0 {
                term *= a / f64::from(k);
            }
            sum += term;
        }
        let last = term * a / f64::from(c) * f64::from(c) / (f64::from(c) - a);
        last / (sum + last)
    }

    #[test]
    fn hand_computed_two_servers() {
        // c = 2, a = 1: B(1) = 1/2, B(2) = (1/2)/(2 + 1/2) = 1/5, C = 2·(1/5)/(2 − 4/5) = 1/3.
        assert!((erlang_b(2, 1.0) - 0.2).abs() < 1e-12);
        let c = erlang_c(2, 1.0).unwrap();
        assert!((c - 1.0 / 3.0).abs() < 1e-12);
        // λ = 1, μ = 1: W_q = (1/3) / (2 − 1) = 1/3, W = 4/3.
        let q = Mmc {
            servers: 2,
            arrival_rate: 1.0,
            service_rate: 1.0,
        };
        assert!((q.mean_wait().unwrap() - 1.0 / 3.0).abs() < 1e-12);
        assert!((q.mean_time_in_system().unwrap() - 4.0 / 3.0).abs() < 1e-12);
        assert!((q.utilisation() - 0.5).abs() < 1e-12);
    }

    #[test]
    fn single_server_is_mm1() {
        // M/M/1: P(wait) = ρ, W_q = ρ / (μ − λ).
        let q = Mmc {
            servers: 1,
            arrival_rate: 0.8,
            service_rate: 1.0,
        };
        assert!((q.probability_of_waiting().unwrap() - 0.8).abs() < 1e-12);
        assert!((q.mean_wait().unwrap() - 4.0).abs() < 1e-12);
    }

    #[test]
    fn published_call_centre_value() {
        // The classic example: 10 erlangs on 12 agents waits with probability ≈ 0.4494.
        let c = erlang_c(12, 10.0).unwrap();
        assert!((c - 0.4494).abs() < 5e-4, "{c}");
    }

    #[test]
    fn recurrence_matches_factorial_form() {
        for c in 1..30u32 {
            for a in [
                0.1,
                0.5 * f64::from(c),
                0.9 * f64::from(c),
                f64::from(c) - 0.01,
            ] {
                let lhs = erlang_c(c, a).unwrap();
                let rhs = erlang_c_direct(c, a);
                assert!((lhs - rhs).abs() < 1e-9, "c={c} a={a}: {lhs} vs {rhs}");
            }
        }
    }

    #[test]
    fn unstable_or_empty_has_no_answer() {
        assert_eq!(erlang_c(2, 2.0), None);
        assert_eq!(erlang_c(0, 0.5), None);
        assert_eq!(erlang_c(3, f64::NAN), None);
        assert_eq!(erlang_c(3, 0.0), Some(0.0));
    }

    #[test]
    fn staffing_helpers() {
        // a = 9, β = 1: 9 + 3 = 12.
        assert_eq!(square_root_staffing(9.0, 1.0), 12);
        assert_eq!(square_root_staffing(0.0, 1.0), 0);
        assert_eq!(square_root_staffing(0.2, 0.0), 1);
        // 10 erlangs: 12 agents wait with p ≈ 0.449, 13 with ≈ 0.277, 14 with ≈ 0.16.
        assert_eq!(least_servers_for_waiting(10.0, 0.45), Some(12));
        assert_eq!(least_servers_for_waiting(10.0, 0.3), Some(13));
        assert_eq!(least_servers_for_waiting(10.0, 0.0), None);
    }

    #[test]
    fn response_time_distribution() {
        // M/M/1, λ = 0.5, μ = 1: the response time is exponential with rate μ − λ = 0.5, so
        // P(T ≤ 2) = 1 − e^{−1}.
        let q = Mmc {
            servers: 1,
            arrival_rate: 0.5,
            service_rate: 1.0,
        };
        let p = q.probability_done_within(2.0).unwrap();
        assert!((p - (1.0 - (-1.0_f64).exp())).abs() < 1e-12, "{p}");
        // M/M/2, λ = μ = 1 (θ = 1 = μ, the limiting form): C = 1/3, so
        // P(T > 1) = (2/3) e^{−1} + (1/3)(1 + 1) e^{−1} = (4/3) e^{−1}.
        let q = Mmc {
            servers: 2,
            arrival_rate: 1.0,
            service_rate: 1.0,
        };
        let p = q.probability_done_within(1.0).unwrap();
        assert!(
            (p - (1.0 - 4.0 / 3.0 * (-1.0_f64).exp())).abs() < 1e-9,
            "{p}"
        );
        // The mean of T from the distribution (∫ P(T > t) dt) equals W_q + 1/μ.
        let q = Mmc {
            servers: 3,
            arrival_rate: 2.4,
            service_rate: 1.0,
        };
        let step = 1e-3;
        let mean: f64 = (0..40_000)
            .map(|i| {
                (1.0 - q
                    .probability_done_within((f64::from(i) + 0.5) * step)
                    .unwrap())
                    * step
            })
            .sum();
        assert!(
            (mean - q.mean_time_in_system().unwrap()).abs() < 1e-4,
            "{mean}"
        );
        assert_eq!(q.probability_done_within(0.0), Some(0.0));
    }
}
