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
        exp: exp_ziggurat(),
        normal: normal_ziggurat(),
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
    exp: &'static Ziggurat,
    normal: &'static Ziggurat,
}

/// A 256-strip ziggurat (Marsaglia and Tsang, "The ziggurat method for generating random
/// variables", 2000) under a decreasing density `f` on `[0, ∞)`: strips
/// `x_0 = r > x_1 > … > x_255 = 0` of equal area `v`, where `x_{k+1} = f⁻¹(f(x_k) + v / x_k)`.
/// Region `i ≥ 1` is the box `[0, x_{i−1}] × [f(x_{i−1}), f(x_i)]`; region 0 is the box
/// `[0, r] × [0, f(r)]` with the tail beyond `r`, drawn as one box of width `v / f(r)`.
#[derive(Debug)]
struct Ziggurat {
    /// Width of the box a draw lands in.
    width: [f64; 256],
    /// Below this, the box lies wholly under the curve.
    inner: [f64; 256],
    /// Bottom and top of the box: `f(x_{i−1})` and `f(x_i)`.
    low: [f64; 256],
    high: [f64; 256],
    f: fn(f64) -> f64,
}

impl Ziggurat {
    fn new(r: f64, v: f64, f: fn(f64) -> f64, f_inverse: fn(f64) -> f64) -> Ziggurat {
        let mut x = [0.0; 256];
        x[0] = r;
        for k in 1..255 {
            x[k] = f_inverse(f(x[k - 1]) + v / x[k - 1]);
        }
        // The recurrence closes at 0 (to about 1e−2 of a strip) with the published constants.
        x[255] = 0.0;
        let mut z = Ziggurat {
            width: [0.0; 256],
            inner: [0.0; 256],
            low: [0.0; 256],
            high: [0.0; 256],
            f,
        };
        z.width[0] = v / f(r);
        z.inner[0] = r;
        for i in 1..256 {
            z.width[i] = x[i - 1];
            z.inner[i] = x[i];
            z.low[i] = f(x[i - 1]);
            z.high[i] = f(x[i]);
        }
        z
    }
}

/// The exponential's strips: density `e^{−x}`.
const EXP_R: f64 = 7.697_117_470_131_05;
const EXP_AREA: f64 = 0.003_949_659_822_581_557;

/// The normal's strips: density `e^{−x²/2}` (unscaled, which the ziggurat does not need).
const NORMAL_R: f64 = 3.654_152_885_361_009;
const NORMAL_AREA: f64 = 0.004_928_673_233_974_658;

fn exp_ziggurat() -> &'static Ziggurat {
    static TABLES: std::sync::OnceLock<Ziggurat> = std::sync::OnceLock::new();
    TABLES.get_or_init(|| Ziggurat::new(EXP_R, EXP_AREA, |x| (-x).exp(), |y| -y.ln()))
}

fn normal_ziggurat() -> &'static Ziggurat {
    static TABLES: std::sync::OnceLock<Ziggurat> = std::sync::OnceLock::new();
    TABLES.get_or_init(|| {
        Ziggurat::new(
            NORMAL_R,
            NORMAL_AREA,
            |x| (-0.5 * x * x).exp(),
            |y| (-2.0 * y.ln()).sqrt(),
        )
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

    /// A point under the ziggurat `z`: one 64-bit word and a multiplication in
    /// about 99% of draws, a test against `f` otherwise. Returns the point, or `None` where
    /// the draw falls in the tail beyond `r` (each distribution draws its tail its own way),
    /// with the word, whose bits 8 to 10 chose nothing.
    #[inline(always)]
    fn strip(&mut self, z: &Ziggurat) -> (Option<f64>, u64) {
        let bits = self.rng.next_u64();
        let i = (bits & 0xff) as usize;
        let x = (bits >> 11) as f64 * UNIT * z.width[i];
        if x < z.inner[i] {
            return (Some(x), bits);
        }
        self.strip_edge(z, bits)
    }

    /// The rest of [`Self::strip`] for a word that missed its box's inner part (about one
    /// draw in a hundred): kept out of line so that the common case inlines into the engine.
    #[cold]
    #[inline(never)]
    fn strip_edge(&mut self, z: &Ziggurat, first: u64) -> (Option<f64>, u64) {
        let mut bits = first;
        loop {
            let i = (bits & 0xff) as usize;
            let x = (bits >> 11) as f64 * UNIT * z.width[i];
            if x < z.inner[i] {
                return (Some(x), bits);
            }
            if i == 0 {
                return (None, bits);
            }
            let y = self.uniform();
            if z.low[i] + y * (z.high[i] - z.low[i]) < (z.f)(x) {
                return (Some(x), bits);
            }
            bits = self.rng.next_u64();
        }
    }

    /// Exponential with mean 1, by the ziggurat.
    #[inline(always)]
    pub fn exp1(&mut self) -> f64 {
        let mut offset = 0.0;
        loop {
            match self.strip(self.exp).0 {
                Some(x) => return offset + x,
                // Beyond the base strip: the exponential tail past r is r plus an exponential.
                None => offset += EXP_R,
            }
        }
    }

    /// Standard normal, by the ziggurat, with the sign from a spare bit of the same word.
    #[inline]
    pub fn normal(&mut self) -> f64 {
        let (x, bits) = self.strip(self.normal);
        // Beyond r, Marsaglia's tail: r + x with x of density ∝ e^{−rx − x²/2}.
        let x = x.unwrap_or_else(|| loop {
            let x = -self.uniform_open().ln() / NORMAL_R;
            let y = -self.uniform_open().ln();
            if 2.0 * y > x * x {
                break NORMAL_R + x;
            }
        });
        if bits & 0x100 == 0 {
            x
        } else {
            -x
        }
    }

    /// Gamma with scale 1 and the shape `g` was made for: Marsaglia and Tsang's squeeze for
    /// shape ≥ 1, and for shape < 1 the identity Gamma(k) = Gamma(k + 1) · U^(1/k).
    #[inline]
    fn gamma(&mut self, g: &Gamma) -> f64 {
        let boost = match g.inverse_shape {
            Some(power) => self.uniform_open().powf(power),
            None => 1.0,
        };
        loop {
            let x = self.normal();
            let t = 1.0 + g.c * x;
            if t <= 0.0 {
                continue;
            }
            let v = t * t * t;
            let u = self.uniform_open();
            let x2 = x * x;
            if u < 1.0 - 0.0331 * x2 * x2 || u.ln() < 0.5 * x2 + g.d * (1.0 - v + v.ln()) {
                return g.d * v * boost;
            }
        }
    }
}

/// Marsaglia and Tsang's constants for one shape, worked out once per work type rather than at
/// every draw: `d = k − 1/3` and `c = 1/√(9d)` for the shape `k` drawn from (`shape + 1` where
/// the shape is below 1, with `1/shape` for the boost).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Gamma {
    d: f64,
    c: f64,
    inverse_shape: Option<f64>,
}

impl Gamma {
    fn new(shape: f64) -> Gamma {
        let (drawn, inverse_shape) = match shape < 1.0 {
            true => (shape + 1.0, Some(1.0 / shape)),
            false => (shape, None),
        };
        let d = drawn - 1.0 / 3.0;
        Gamma {
            d,
            c: 1.0 / (9.0 * d).sqrt(),
            inverse_shape,
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
        shape: Gamma,
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
                shape: Gamma::new(1.0 / cv2),
                scale: hours * cv2,
            }
        }
    }

    #[inline(always)]
    pub fn draw(&self, rng: &mut RunRng) -> f64 {
        match *self {
            Effort::Fixed(hours) => hours,
            Effort::Exponential(mean) => mean * rng.exp1(),
            Effort::Gamma { shape, scale } => scale * rng.gamma(&shape),
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
    fn ziggurat_normal_has_the_right_distribution() {
        // P(X > t) = ½ erfc(t / √2), from a table: t = 0, 0.5, 1, 2, 3, 3.7 (past r = 3.654).
        let mut rng = run_rng(5, 2);
        let n = 400_000;
        let draws: Vec<f64> = (0..n).map(|_| rng.normal()).collect();
        let upper = [
            (0.0, 0.5),
            (0.5, 0.308_537_538_725_986_9),
            (1.0, 0.158_655_253_931_457_05),
            (2.0, 0.022_750_131_948_179_2),
            (3.0, 0.001_349_898_031_630_094_6),
            (3.7, 0.000_107_799_733_477_383_4),
        ];
        for (t, want) in upper {
            for (side, sign) in [("above", 1.0), ("below", -1.0)] {
                let share = draws.iter().filter(|&&x| sign * x > t).count() as f64 / f64::from(n);
                let error = 4.5 * (want * (1.0 - want) / f64::from(n)).sqrt();
                assert!(
                    (share - want).abs() < error.max(2e-5),
                    "P(X {side} {}) = {share}, want {want}",
                    sign * t
                );
            }
        }
        let mean = draws.iter().sum::<f64>() / f64::from(n);
        let var = draws.iter().map(|x| x * x).sum::<f64>() / f64::from(n) - mean * mean;
        // Standard errors: 1/√n = 0.0016 for the mean, √(2/n) = 0.0022 for the variance.
        assert!(
            mean.abs() < 0.007 && (var - 1.0).abs() < 0.01,
            "{mean} {var}"
        );
    }

    #[test]
    fn ziggurat_strips_close_at_zero() {
        // The last strip's top is f(0) = 1 when the constants are right: an error there
        // would bias every draw near the mode.
        for (z, area) in [(exp_ziggurat(), EXP_AREA), (normal_ziggurat(), NORMAL_AREA)] {
            assert!((z.high[255] - 1.0).abs() < 1e-15);
            let last_top = z.low[255] + area / z.width[255];
            assert!(last_top > 0.99 && last_top < 1.01, "{last_top}");
        }
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
