//! Small declarative helpers shared by the model modules.

/// Declares a fieldless enum whose wire form is a fixed string.
///
/// Generates `ALL`, `as_str`, `from_name`, `FromStr`, `Display`, and serde impls that
/// read and write the string, rejecting unknown names with serde's
/// `unknown variant` error (so a typo is an error, never a default); with
/// the `schema` feature, a `JsonSchema` impl that lists the wire strings.
macro_rules! str_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        // The schema of the wire strings, each value with its doc comment.
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        $vis enum $name {
            $( $(#[$vmeta])* #[cfg_attr(feature = "schema", schemars(rename = $wire))] $variant ),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            const NAMES: &'static [&'static str] = &[$($wire),+];

            /// The name used on the wire.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $wire),+
                }
            }

            /// The value with this wire name, if there is one.
            pub fn from_name(name: &str) -> Option<Self> {
                match name {
                    $($wire => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl core::str::FromStr for $name {
            type Err = $crate::support::macros::UnknownName;

            /// The value with this wire name (`"en".parse::<Lang>()`).
            fn from_str(name: &str) -> Result<Self, Self::Err> {
                $name::from_name(name).ok_or_else(|| $crate::support::macros::UnknownName {
                    name: name.to_owned(),
                    expected: $name::NAMES,
                })
            }
        }

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl serde::de::Visitor<'_> for V {
                    type Value = $name;
                    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                        write!(f, "one of {:?}", $name::NAMES)
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<$name, E> {
                        $name::from_name(v).ok_or_else(|| E::unknown_variant(v, $name::NAMES))
                    }
                }
                d.deserialize_str(V)
            }
        }
    };
}

pub(crate) use str_enum;

/// A name that is not one of an enum's wire names: the error of `parse`
/// (`"fr".parse::<Lang>()`) on the crate's enums.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownName {
    /// The name given.
    pub name: String,
    /// The names there are.
    pub expected: &'static [&'static str],
}

impl core::fmt::Display for UnknownName {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(
            f,
            "{:?} is not one of {}",
            self.name,
            self.expected.join(", ")
        )
    }
}

impl std::error::Error for UnknownName {}
