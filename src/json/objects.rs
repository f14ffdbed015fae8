//! Structs read from JSON objects only.
//!
//! serde's derived `Deserialize` also reads a struct from a sequence of its
//! fields in order, and serde_json offers it one for a JSON array, so
//! `"cell": [null, 2024]` would pass for `{"year": 2024}` and
//! `"dropout": [4, 520]` for `{"count": 4, "of": 520}`: a second spelling of
//! the wire format that no caller is told about and a typo can fall into.
//! serde leaves that choice to the format (serde-rs/serde#1587, #2432), and
//! serde_json has no switch for it, so the JSON entry points read through
//! [`Objects`], a deserializer that passes everything through to
//! serde_json's except that a struct, or an enum's struct variant, given an
//! array is refused with serde's own message (`invalid type: sequence,
//! expected struct Cell`).
//!
//! The wrapping goes all the way down: every value inside a map, a list,
//! an option, a newtype or an enum is read through [`Objects`] again.
//! Floating-point reads are refused as well: no type of the crate asks for
//! one (decimals are read from their digits), and none ever may.

use std::fmt;

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, Error as _, MapAccess, SeqAccess, Unexpected,
    VariantAccess, Visitor,
};

/// A deserializer that reads a struct from a map only, never from a
/// sequence; otherwise the deserializer it wraps.
pub(crate) struct Objects<D>(pub(crate) D);

/// A visitor passed through, its nested deserializers wrapped in
/// [`Objects`].
struct Through<V>(V);

/// The visitor of a struct (or a struct variant): as [`Through`], but a
/// sequence is refused.
struct MapOnly<V>(V);

/// A seed, a sequence, a map, an enum or a variant whose values are read
/// through [`Objects`].
struct Wrapped<T>(T);

/// Forwards `deserialize_*` methods that take only a visitor.
macro_rules! forward {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
            self.0.$method(Through(visitor))
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Objects<D> {
    type Error = D::Error;

    forward! {
        deserialize_any deserialize_bool
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_char deserialize_str deserialize_string
        deserialize_bytes deserialize_byte_buf
        deserialize_option deserialize_unit deserialize_seq deserialize_map
        deserialize_identifier deserialize_ignored_any
    }

    fn deserialize_f32<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, D::Error> {
        Err(D::Error::custom(NO_FLOAT))
    }

    fn deserialize_f64<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, D::Error> {
        Err(D::Error::custom(NO_FLOAT))
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_unit_struct(name, Through(visitor))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_newtype_struct(name, Through(visitor))
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_tuple(len, Through(visitor))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_tuple_struct(name, len, Through(visitor))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_struct(name, fields, MapOnly(visitor))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_enum(name, variants, Through(visitor))
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

/// The message of a refused floating-point read.
const NO_FLOAT: &str = "a floating-point number is never read: numbers are read from their digits";

/// The visitor methods that [`Through`] and [`MapOnly`] pass on unchanged:
/// every one that carries a value rather than a nested deserializer, except
/// the floating-point ones (their default refuses the value), and the ones
/// that carry a nested deserializer, wrapped.
macro_rules! visit_through {
    () => {
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            self.0.expecting(f)
        }

        visit_through! {
            visit_bool(bool) visit_char(char)
            visit_i8(i8) visit_i16(i16) visit_i32(i32) visit_i64(i64) visit_i128(i128)
            visit_u8(u8) visit_u16(u16) visit_u32(u32) visit_u64(u64) visit_u128(u128)
            visit_str(&str) visit_borrowed_str(&'de str) visit_string(String)
            visit_bytes(&[u8]) visit_borrowed_bytes(&'de [u8]) visit_byte_buf(Vec<u8>)
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            self.0.visit_unit()
        }

        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            self.0.visit_none()
        }

        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            self.0.visit_some(Objects(d))
        }

        fn visit_newtype_struct<D: Deserializer<'de>>(
            self,
            d: D,
        ) -> Result<Self::Value, D::Error> {
            self.0.visit_newtype_struct(Objects(d))
        }

        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            self.0.visit_map(Wrapped(map))
        }

        fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
            self.0.visit_enum(Wrapped(data))
        }
    };
    ($($method:ident($ty:ty))*) => {$(
        fn $method<E: de::Error>(self, v: $ty) -> Result<Self::Value, E> {
            self.0.$method(v)
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Through<V> {
    type Value = V::Value;

    visit_through!();

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        self.0.visit_seq(Wrapped(seq))
    }
}

impl<'de, V: Visitor<'de>> Visitor<'de> for MapOnly<V> {
    type Value = V::Value;

    visit_through!();

    /// A struct given as an array of its fields: refused (the module's
    /// doc says why).
    fn visit_seq<A: SeqAccess<'de>>(self, _seq: A) -> Result<Self::Value, A::Error> {
        Err(A::Error::invalid_type(Unexpected::Seq, &self))
    }
}

impl<'de, T: DeserializeSeed<'de>> DeserializeSeed<'de> for Wrapped<T> {
    type Value = T::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.0.deserialize(Objects(d))
    }
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Wrapped<A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        self.0.next_element_seed(Wrapped(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Wrapped<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.0.next_key_seed(Wrapped(seed))
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        self.0.next_value_seed(Wrapped(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: EnumAccess<'de>> EnumAccess<'de> for Wrapped<A> {
    type Error = A::Error;
    type Variant = Wrapped<A::Variant>;

    fn variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<(T::Value, Self::Variant), A::Error> {
        let (value, variant) = self.0.variant_seed(Wrapped(seed))?;
        Ok((value, Wrapped(variant)))
    }
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for Wrapped<A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        self.0.unit_variant()
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        self.0.newtype_variant_seed(Wrapped(seed))
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        self.0.tuple_variant(len, Through(visitor))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        self.0.struct_variant(fields, MapOnly(visitor))
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::Objects;

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Pair {
        count: u64,
        of: u64,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(rename_all = "snake_case", deny_unknown_fields)]
    enum Shape {
        Unit,
        Newtype(Pair),
        Tuple(u64, u64),
        Struct { decimals: u32 },
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Outer {
        inner: Option<Pair>,
        #[serde(default)]
        list: Vec<Pair>,
        #[serde(default)]
        shape: Option<Shape>,
        #[serde(default)]
        tuple: Option<(u64, Pair)>,
    }

    fn read<'a, T: Deserialize<'a>>(json: &'a str) -> Result<T, String> {
        let mut de = serde_json::Deserializer::from_str(json);
        T::deserialize(Objects(&mut de)).map_err(|e| e.to_string())
    }

    #[test]
    fn objects_read_as_serde_json_reads_them() {
        let json = r#"{"inner": {"count": 4, "of": 520}, "list": [{"count": 1, "of": 2}],
            "shape": {"struct": {"decimals": 2}}, "tuple": [7, {"count": 0, "of": 1}]}"#;
        let plain: Outer = serde_json::from_str(json).unwrap();
        assert_eq!(read::<Outer>(json).unwrap(), plain);
        for shape in [
            r#""unit""#,
            r#"{"newtype": {"count": 1, "of": 1}}"#,
            r#"{"tuple": [1, 2]}"#,
            r#"{"struct": {"decimals": 0}}"#,
        ] {
            let doc = format!(r#"{{"inner": null, "shape": {shape}}}"#);
            let plain: Outer = serde_json::from_str(&doc).unwrap();
            assert_eq!(read::<Outer>(&doc).unwrap(), plain, "{shape}");
        }
    }

    #[test]
    fn a_struct_given_as_an_array_is_refused_at_every_depth() {
        for (json, expected) in [
            (r#"[{"count": 4, "of": 520}]"#, "struct Outer"),
            (r#"{"inner": [4, 520]}"#, "struct Pair"),
            (r#"{"inner": null, "list": [[1, 2]]}"#, "struct Pair"),
            (
                r#"{"inner": null, "shape": {"newtype": [1, 1]}}"#,
                "struct Pair",
            ),
            (
                r#"{"inner": null, "shape": {"struct": [2]}}"#,
                "struct variant Shape::Struct",
            ),
            (r#"{"inner": null, "tuple": [7, [0, 1]]}"#, "struct Pair"),
        ] {
            // serde_json alone reads each of them.
            assert!(serde_json::from_str::<Outer>(json).is_ok(), "{json}");
            let message = read::<Outer>(json).unwrap_err();
            assert!(
                message.starts_with(&format!("invalid type: sequence, expected {expected}")),
                "{json}: {message}"
            );
        }
    }

    /// A type that asks the format for a floating-point number (no type of
    /// the crate does).
    #[derive(Debug)]
    struct AsksForAFloat;

    impl<'de> Deserialize<'de> for AsksForAFloat {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct Refuses;
            impl serde::de::Visitor<'_> for Refuses {
                type Value = AsksForAFloat;
                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("nothing")
                }
            }
            d.deserialize_f64(Refuses)
        }
    }

    #[test]
    fn a_floating_point_read_is_refused() {
        let message = read::<AsksForAFloat>("0.5").unwrap_err();
        assert!(
            message.starts_with("a floating-point number is never read"),
            "{message}"
        );
        // serde_json alone hands the number to the visitor, which refuses
        // it in serde's own words.
        let plain = serde_json::from_str::<AsksForAFloat>("0.5").unwrap_err();
        assert!(
            plain
                .to_string()
                .starts_with("invalid type: floating point"),
            "{plain}"
        );
    }
}
