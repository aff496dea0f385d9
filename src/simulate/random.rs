//! The random numbers of one run: a ChaCha8 stream per (seed, run index), and the few
//! distributions the simulation draws from (uniform, exponential, normal, Gamma).
//!
//! The distributions are written out here on top of the raw 64-bit words rather than taken
//! from a distributions crate, so that the numbers a seed gives depend only on ChaCha8 (whose
//! stream is fixed by its specification) and on this file, never on a dependency's choice of
//! algorithm in a later version. Nothing here reads entropy: every generator comes from a seed.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The generator of run `run` under `seed`: the seed picks the key, the run index picks one of
/// ChaCha's 2⁶⁴ independent streams, so runs never overlap and any run can be replayed alone.
pub fn run_rng(seed: u64, run: u32) -> RunRng {
    stream(seed, 0, run)
}

/// ChaCha8 stream `family · 2³² + index` under `seed`: each family of generators (runs, their
/// chains, the draws of the uncertain inputs) has 2³² streams of its own.
fn stream(seed: u64, family: u64, index: u32) -> RunRng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream((family << 32) | u64::from(index));
    RunRng {
        rng,
        ziggurat: ziggurat(),
    }
}

/// The second generator of run `run`: follow-up items (whether a finished item starts one, and
/// its effort) draw from it, external arrivals from [`run_rng`]. Kept apart so that the
/// arrivals and efforts of a run are the same whatever the headcounts: two plans simulated with
/// one seed are compared on the same work (common random numbers), and only what the staffing
/// changes (the order in which items finish) moves the follow-up draws. Its streams (2³² and
/// up) never meet those of `run_rng`.
pub fn chain_rng(seed: u64, run: u32) -> RunRng {
    stream(seed, 1, run)
}

/// The generator of draw `draw` of the uncertain inputs under `seed` (SPEC §9): streams 2³³
/// and up, which never meet those of the runs ([`run_rng`]) or of their chains ([`chain_rng`]).
pub fn draw_rng(seed: u64, draw: u32) -> RunRng {
    stream(seed, 2, draw)
}

/// The `u`-quantile (u in [0, 1]) of the triangular distribution on `low ≤ likely ≤ high`:
/// its inverse distribution function, `low + √(u (high − low)(likely − low))` below the mode's
/// probability `(likely − low) / (high − low)`, `high − √((1 − u)(high − low)(high − likely))`
/// above it.
pub fn triangular_quantile(u: f64, low: f64, likely: f64, high: f64) -> f64 {
    let width = high - low;
    if width <= 0.0 {
        return likely;
    }
    let u = u.clamp(0.0, 1.0);
    let x = if u * width < likely - low {
        low + (u * width * (likely - low)).sqrt()
    } else {
        high - ((1.0 - u) * width * (high - likely)).sqrt()
    };
    x.clamp(low, high)
}

/// One run's generator with the draws the engine needs.
#[derive(Debug, Clone)]
pub struct RunRng {
    rng: ChaCha8Rng,
    ziggurat: &'static Ziggurat,
}

/// Where the base strip of the 256-strip exponential ziggurat ends, and the area of each strip
/// (Marsaglia and Tsang, "The ziggurat method for generating random variables", 2000).
const ZIGGURAT_R: f64 = 7.697_117_470_131_05;
const ZIGGURAT_AREA: f64 = 0.003_949_659_822_581_557;

/// Strips `x_0 = r > x_1 > … > x_255 = 0` of equal area under `e^{−x}`, where
/// `x_{k+1} = −ln(e^{−x_k} + area / x_k)`. Region `i ≥ 1` is the box
/// `[0, x_{i−1}] × [e^{−x_{i−1}}, e^{−x_i}]`; region 0 is the box `[0, r] × [0, e^{−r}]` with
/// the tail beyond `r`, drawn as one box of width `area / e^{−r}`.
#[derive(Debug)]
struct Ziggurat {
    /// Width of the box a draw lands in.
    width: [f64; 256],
    /// Below this, the box lies wholly under the curve.
    inner: [f64; 256],
    /// Bottom and top of the box: `e^{−x_{i−1}}` and `e^{−x_i}`.
    low: [f64; 256],
    high: [f64; 256],
}

fn ziggurat() -> &'static Ziggurat {
    static TABLES: std::sync::OnceLock<Ziggurat> = std::sync::OnceLock::new();
    TABLES.get_or_init(|| {
        let mut x = [0.0; 256];
        x[0] = ZIGGURAT_R;
        for k in 1..255 {
            x[k] = -((-x[k - 1]).exp() + ZIGGURAT_AREA / x[k - 1]).ln();
        }
        // The recurrence closes at 0 (to about 1e−14) with these constants.
        x[255] = 0.0;
        let mut z = Ziggurat {
            width: [0.0; 256],
            inner: [0.0; 256],
            low: [0.0; 256],
            high: [0.0; 256],
        };
        z.width[0] = ZIGGURAT_AREA / (-ZIGGURAT_R).exp();
        z.inner[0] = ZIGGURAT_R;
        for i in 1..256 {
            z.width[i] = x[i - 1];
            z.inner[i] = x[i];
            z.low[i] = (-x[i - 1]).exp();
            z.high[i] = (-x[i]).exp();
        }
        z
    })
}

/// 2⁻⁵³: a 53-bit integer times this is a double in [0, 1) with every bit random.
const UNIT: f64 = 1.0 / (1u64 << 53) as f64;

impl RunRng {
    /// Uniform on [0, 1).
    #[inline]
    pub fn uniform(&mut self) -> f64 {
        (self.rng.next_u64() >> 11) as f64 * UNIT
    }

    /// Triangular on `low ≤ likely ≤ high`, one word by the inverse distribution function.
    pub fn triangular(&mut self, low: f64, likely: f64, high: f64) -> f64 {
        triangular_quantile(self.uniform(), low, likely, high)
    }

    /// Uniform on (0, 1]: safe to take the logarithm of.
    #[inline]
    pub fn uniform_open(&mut self) -> f64 {
        ((self.rng.next_u64() >> 11) + 1) as f64 * UNIT
    }

    /// Exponential with mean 1, by Marsaglia and Tsang's ziggurat: one 64-bit word and a
    /// multiplication in about 99% of draws, a logarithm-free test or the tail otherwise.
    #[inline]
    pub fn exp1(&mut self) -> f64 {
        let z = self.ziggurat;
        let mut offset = 0.0;
        loop {
            let bits = self.rng.next_u64();
            let i = (bits & 0xff) as usize;
            let u = (bits >> 11) as f64 * UNIT;
            let x = u * z.width[i];
            if x < z.inner[i] {
                return offset + x;
            }
            if i == 0 {
                // Beyond the base strip: the exponential tail past r is r plus an exponential.
                offset += ZIGGURAT_R;
                continue;
            }
            let y = self.uniform();
            if z.low[i] + y * (z.high[i] - z.low[i]) < (-x).exp() {
                return offset + x;
            }
        }
    }

    /// Standard normal, by the polar method (the second value of each pair is dropped to keep
    /// the generator free of hidden state).
    pub fn normal(&mut self) -> f64 {
        loop {
            let u = 2.0 * self.uniform() - 1.0;
            let v = 2.0 * self.uniform() - 1.0;
            let s = u * u + v * v;
            if s > 0.0 && s < 1.0 {
                return u * (-2.0 * s.ln() / s).sqrt();
            }
        }
    }

    /// Gamma with the given shape and scale 1: Marsaglia and Tsang's squeeze for shape ≥ 1,
    /// and for shape < 1 the identity Gamma(k) = Gamma(k + 1) · U^(1/k).
    pub fn gamma(&mut self, shape: f64) -> f64 {
        if shape < 1.0 {
            let boost = self.uniform_open().powf(1.0 / shape);
            return self.gamma(shape + 1.0) * boost;
        }
        let d = shape - 1.0 / 3.0;
        let c = 1.0 / (9.0 * d).sqrt();
        loop {
            let x = self.normal();
            let t = 1.0 + c * x;
            if t <= 0.0 {
                continue;
            }
            let v = t * t * t;
            let u = self.uniform_open();
            let x2 = x * x;
            if u < 1.0 - 0.0331 * x2 * x2 || u.ln() < 0.5 * x2 + d * (1.0 - v + v.ln()) {
                return d * v;
            }
        }
    }
}

/// How the effort of one item (person-hours) is drawn: Gamma with mean `hours` and the work's
/// coefficient of variation, i.e. shape `1/cv²` and scale `hours · cv²`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Effort {
    /// cv = 0: every item takes exactly this.
    Fixed(f64),
    /// cv = 1: exponential with this mean (drawn directly, the common and fastest case).
    Exponential(f64),
    Gamma {
        shape: f64,
        scale: f64,
    },
}

impl Effort {
    pub fn new(hours: f64, cv: f64) -> Effort {
        if cv <= 0.0 || hours <= 0.0 {
            Effort::Fixed(hours.max(0.0))
        } else if cv == 1.0 {
            Effort::Exponential(hours)
        } else {
            let cv2 = cv * cv;
            Effort::Gamma {
                shape: 1.0 / cv2,
                scale: hours * cv2,
            }
        }
    }

    #[inline]
    pub fn draw(&self, rng: &mut RunRng) -> f64 {
        match *self {
            Effort::Fixed(hours) => hours,
            Effort::Exponential(mean) => mean * rng.exp1(),
            Effort::Gamma { shape, scale } => scale * rng.gamma(shape),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triangular_quantile_at_the_ends_the_mode_and_in_each_part() {
        // low 100, likely 160, high 400: the mode's probability is 60 / 300 = 0.2.
        let q = |u| triangular_quantile(u, 100.0, 160.0, 400.0);
        assert_eq!((q(0.0), q(0.2), q(1.0)), (100.0, 160.0, 400.0));
        // F(x) = (x − 100)² / (300 × 60) below the mode: F(130) = 900 / 18,000 = 0.05.
        assert!((q(0.05) - 130.0).abs() < 1e-9);
        // 1 − F(x) = (400 − x)² / (300 × 240) above: 1 − F(340) = 3,600 / 72,000 = 0.05.
        assert!((q(0.95) - 340.0).abs() < 1e-9);
        assert_eq!(triangular_quantile(0.7, 5.0, 5.0, 5.0), 5.0);
    }

    fn moments(effort: Effort, n: u32) -> (f64, f64) {
        let mut rng = run_rng(7, 0);
        let (mut sum, mut sum2) = (0.0, 0.0);
        for _ in 0..n {
            let x = effort.draw(&mut rng);
            assert!(x >= 0.0 && x.is_finite());
            sum += x;
            sum2 += x * x;
        }
        let mean = sum / f64::from(n);
        let var = sum2 / f64::from(n) - mean * mean;
        (mean, var.sqrt() / mean)
    }

    #[test]
    fn effort_has_the_asked_mean_and_cv() {
        // Standard error of the mean is cv/√n ≈ 0.3 % for cv 1 and n = 100,000.
        for (hours, cv) in [(120.0, 0.5), (40.0, 1.0), (8.0, 2.0), (10.0, 0.2)] {
            let (mean, got_cv) = moments(Effort::new(hours, cv), 100_000);
            assert!((mean / hours - 1.0).abs() < 0.02, "mean {mean} for {hours}");
            assert!((got_cv / cv - 1.0).abs() < 0.05, "cv {got_cv} for {cv}");
        }
        assert_eq!(moments(Effort::new(5.0, 0.0), 10), (5.0, 0.0));
    }

    #[test]
    fn ziggurat_exponential_has_the_right_distribution() {
        // P(X > t) = e^{−t}: compare the share above a few thresholds, the tail included.
        let mut rng = run_rng(3, 1);
        let n = 400_000;
        let draws: Vec<f64> = (0..n).map(|_| rng.exp1()).collect();
        for t in [0.05, 0.5, 1.0, 2.0, 4.0, 7.0, 8.0] {
            let above = draws.iter().filter(|&&x| x > t).count() as f64 / f64::from(n);
            let want = (-t).exp();
            // Binomial standard error √(p(1−p)/n), with 4.5 of them allowed.
            let error = 4.5 * (want * (1.0 - want) / f64::from(n)).sqrt();
            assert!(
                (above - want).abs() < error.max(2e-5),
                "P(X > {t}) = {above}, want {want}"
            );
        }
        assert!(draws.iter().all(|&x| x >= 0.0 && x.is_finite()));
    }

    #[test]
    fn streams_are_fixed_by_seed_and_run() {
        let first = |seed, run| run_rng(seed, run).rng.next_u64();
        // Pinned: if a dependency update changed the ChaCha8 stream, every published figure
        // would change with it, so this must fail loudly.
        assert_eq!(first(1, 0), 0x6709_4cea_8ca4_0db1);
        assert_eq!(first(1, 3), 0x9177_1fee_2401_849d);
        assert_ne!(first(1, 3), first(1, 4));
        assert_ne!(first(1, 3), first(2, 3));
    }
}
