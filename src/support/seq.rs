//! Small generic helpers over slices.

/// The first item whose key an item before it has, and its position: a
/// head named twice (in the record's `party.heads`, or the plan's
/// `exemplary_commitment`).
pub(crate) fn first_repeat<T, K: PartialEq>(
    items: &[T],
    key: impl Fn(&T) -> K,
) -> Option<(usize, &T)> {
    items
        .iter()
        .enumerate()
        .find(|&(i, x)| items.iter().take(i).any(|y| key(y) == key(x)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_repeat_is_the_later_of_the_first_pair() {
        assert_eq!(first_repeat(&[1, 2, 3], |&x| x), None);
        assert_eq!(first_repeat::<u8, u8>(&[], |&x| x), None);
        assert_eq!(first_repeat(&[1, 2, 1, 2], |&x| x), Some((2, &1)));
        assert_eq!(first_repeat(&[7, 7], |&x| x), Some((1, &7)));
        assert_eq!(first_repeat(&[1, 2, 2, 1], |&x| x), Some((2, &2)));
    }
}
