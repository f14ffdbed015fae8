//! Powers of ten, for exact decimal arithmetic in integers.

/// `10^n` for `n` up to 38, the largest power of ten a `u128` holds.
const POW10: [u128; 39] = {
    let mut table = [1u128; 39];
    let mut power = 1u128;
    let mut slots: &mut [u128] = &mut table;
    while let [slot, rest @ ..] = slots {
        *slot = power;
        power = power.saturating_mul(10);
        slots = rest;
    }
    table
};

/// `10^n`, saturating beyond `10^38`.
pub(crate) fn pow10(n: u32) -> u128 {
    POW10.get(n as usize).copied().unwrap_or(u128::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn powers_of_ten_are_exact_then_saturate() {
        let mut p = 1u128;
        for n in 0..=38 {
            assert_eq!(pow10(n), p, "10^{n}");
            p = p.saturating_mul(10);
        }
        assert_eq!(pow10(39), u128::MAX);
    }
}
