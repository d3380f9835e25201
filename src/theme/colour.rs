//! Colour vision: how a colour looks to a viewer with a colour-vision deficiency (Machado,
//! Oliveira and Fernandes 2009, "A Physiologically-based Model for Simulation of Color Vision
//! Deficiency", IEEE TVCG 15(6), the severity-1.0 matrices), and how far apart two colours
//! look (CIEDE2000, Sharma, Wu and Dalal 2005). Pure: sRGB triples in 0..1.

/// A colour-vision deficiency at full severity (or none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vision {
    Normal,
    Protanopia,
    Deuteranopia,
    Tritanopia,
}

impl Vision {
    pub const ALL: [Vision; 4] = [
        Vision::Normal,
        Vision::Protanopia,
        Vision::Deuteranopia,
        Vision::Tritanopia,
    ];

    /// Machado et al. 2009, severity 1.0, applied to linear RGB.
    fn matrix(self) -> [[f64; 3]; 3] {
        match self {
            Vision::Normal => [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
            Vision::Protanopia => [
                [0.152286, 1.052583, -0.204868],
                [0.114503, 0.786281, 0.099216],
                [-0.003882, -0.048116, 1.051998],
            ],
            Vision::Deuteranopia => [
                [0.367322, 0.860646, -0.227968],
                [0.280085, 0.672501, 0.047413],
                [-0.011820, 0.042940, 0.968881],
            ],
            Vision::Tritanopia => [
                [1.255528, -0.076749, -0.178779],
                [-0.078411, 0.930809, 0.147602],
                [0.004733, 0.691367, 0.303900],
            ],
        }
    }
}

fn to_linear(c: f64) -> f64 {
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

/// CIE L*a*b* (D65) of a linear-RGB colour.
fn lab_of_linear(l: [f64; 3]) -> [f64; 3] {
    let x = 0.4124564 * l[0] + 0.3575761 * l[1] + 0.1804375 * l[2];
    let y = 0.2126729 * l[0] + 0.7151522 * l[1] + 0.0721750 * l[2];
    let z = 0.0193339 * l[0] + 0.1191920 * l[1] + 0.9503041 * l[2];
    let d = 6.0f64 / 29.0;
    let f = |t: f64| {
        if t > d * d * d {
            t.cbrt()
        } else {
            t / (3.0 * d * d) + 4.0 / 29.0
        }
    };
    let (fx, fy, fz) = (f(x / 0.95047), f(y), f(z / 1.08883));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

/// L*a*b* of an sRGB colour as seen with `vision`.
pub fn seen(srgb: [f64; 3], vision: Vision) -> [f64; 3] {
    let l = srgb.map(to_linear);
    let m = vision.matrix();
    let sim: [f64; 3] =
        std::array::from_fn(|i| (m[i][0] * l[0] + m[i][1] * l[1] + m[i][2] * l[2]).clamp(0.0, 1.0));
    lab_of_linear(sim)
}

/// CIEDE2000 colour difference of two L*a*b* colours.
pub fn ciede2000(a: [f64; 3], b: [f64; 3]) -> f64 {
    let [l1, a1, b1] = a;
    let [l2, a2, b2] = b;
    let pow7 = |v: f64| v.powi(7);
    let c_bar = (a1.hypot(b1) + a2.hypot(b2)) / 2.0;
    let g = 0.5 * (1.0 - (pow7(c_bar) / (pow7(c_bar) + pow7(25.0))).sqrt());
    let (a1p, a2p) = ((1.0 + g) * a1, (1.0 + g) * a2);
    let (c1p, c2p) = (a1p.hypot(b1), a2p.hypot(b2));
    let hue = |b: f64, a: f64| {
        if b == 0.0 && a == 0.0 {
            0.0
        } else {
            b.atan2(a).to_degrees().rem_euclid(360.0)
        }
    };
    let (h1p, h2p) = (hue(b1, a1p), hue(b2, a2p));
    let dl = l2 - l1;
    let dc = c2p - c1p;
    let dh_deg = if c1p * c2p == 0.0 {
        0.0
    } else {
        let d = h2p - h1p;
        if d > 180.0 {
            d - 360.0
        } else if d < -180.0 {
            d + 360.0
        } else {
            d
        }
    };
    let dh = 2.0 * (c1p * c2p).sqrt() * (dh_deg.to_radians() / 2.0).sin();
    let l_bar = (l1 + l2) / 2.0;
    let c_bar_p = (c1p + c2p) / 2.0;
    let h_bar = if c1p * c2p == 0.0 {
        h1p + h2p
    } else if (h1p - h2p).abs() <= 180.0 {
        (h1p + h2p) / 2.0
    } else if h1p + h2p < 360.0 {
        (h1p + h2p + 360.0) / 2.0
    } else {
        (h1p + h2p - 360.0) / 2.0
    };
    let cos = |deg: f64| deg.to_radians().cos();
    let t =
        1.0 - 0.17 * cos(h_bar - 30.0) + 0.24 * cos(2.0 * h_bar) + 0.32 * cos(3.0 * h_bar + 6.0)
            - 0.20 * cos(4.0 * h_bar - 63.0);
    let d_theta = 30.0 * (-((h_bar - 275.0) / 25.0).powi(2)).exp();
    let rc = 2.0 * (pow7(c_bar_p) / (pow7(c_bar_p) + pow7(25.0))).sqrt();
    let sl = 1.0 + 0.015 * (l_bar - 50.0).powi(2) / (20.0 + (l_bar - 50.0).powi(2)).sqrt();
    let sc = 1.0 + 0.045 * c_bar_p;
    let sh = 1.0 + 0.015 * c_bar_p * t;
    let rt = -(2.0 * d_theta).to_radians().sin() * rc;
    ((dl / sl).powi(2) + (dc / sc).powi(2) + (dh / sh).powi(2) + rt * (dc / sc) * (dh / sh)).sqrt()
}

/// The smallest CIEDE2000 difference, under every vision, between any two of `colours` and
/// between each and `background`; with the vision and the pair (an index of `colours`, or
/// `None` for the background).
pub fn closest_pair(
    colours: &[[f64; 3]],
    background: [f64; 3],
) -> (f64, Vision, usize, Option<usize>) {
    let mut worst = (f64::INFINITY, Vision::Normal, 0, None);
    for v in Vision::ALL {
        let labs: Vec<[f64; 3]> = colours.iter().map(|c| seen(*c, v)).collect();
        let bg = seen(background, v);
        for (i, a) in labs.iter().enumerate() {
            let d = ciede2000(*a, bg);
            if d < worst.0 {
                worst = (d, v, i, None);
            }
            for (j, b) in labs.iter().enumerate().skip(i + 1) {
                let d = ciede2000(*a, *b);
                if d < worst.0 {
                    worst = (d, v, i, Some(j));
                }
            }
        }
    }
    worst
}
