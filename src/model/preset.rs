//! The presets: plans that ship with the library, by id.

use rust_decimal::Decimal;

use crate::model::member::{HeadRole, YearRating};
use crate::model::plan::{HeadsTarget, Plan, Targets};
use crate::model::policy::Policy;
use crate::model::rate::{Comparator, Target};

fn rate(comparator: Comparator, tenths: i64) -> Option<Target<Decimal>> {
    Some(Target {
        comparator,
        value: Decimal::new(tenths, 1),
    })
}

impl Plan {
    /// The id of the preset for the 2024 plan of Chi bộ trường THCS Bình Tân
    /// (Kế hoạch 13-KH/CB, 02/05/2024).
    pub const BINH_TAN_2024: &'static str = "binh-tan-2024";

    /// The ids of every preset.
    pub const PRESETS: &'static [&'static str] = &[Plan::BINH_TAN_2024];

    /// The preset with this id, if there is one.
    pub fn preset(id: &str) -> Option<Plan> {
        (id == Plan::BINH_TAN_2024).then(Plan::binh_tan_2024)
    }

    /// The 2024 plan of Chi bộ trường THCS Bình Tân, clause 2.1.1, with the
    /// readings of RULES.md as its policy.
    pub fn binh_tan_2024() -> Plan {
        use Comparator::*;
        let frameworks = [
            ("model", "01-HD/QU (05/09/2023)"),
            ("meeting_quality", "12-HD/BTCTW (06/07/2018)"),
            ("meeting_quality_city", "02-HD/TU (22/03/2019)"),
            ("meeting_quality_district", "22-NQ/QU (11/11/2022)"),
            ("prohibitions", "37-QĐ/TW (25/10/2021)"),
            ("exemplary_duty", "101-QĐ/TW, 55-QĐ/TW, 08-QĐ/TW"),
        ];
        Plan {
            id: Plan::BINH_TAN_2024.to_owned(),
            title: Some(
                "Kế hoạch 13-KH/CB xây dựng mô hình \u{201c}Chi bộ bốn tốt\u{201d}, \
                 Chi bộ trường THCS Bình Tân"
                    .to_owned(),
            ),
            year: 2024,
            also_applies_to: Vec::new(),
            frameworks: frameworks
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
            targets: Targets {
                dropout: rate(Below, 10),
                repetition: rate(Below, 4),
                promotion: rate(AtLeast, 980),
                graduation: rate(AtLeast, 1000),
                efficiency: rate(AtLeast, 910),
                public_grade10: rate(Above, 680),
                swimming: rate(AtLeast, 550),
                study: rate(AtLeast, 980),
                admissions: Some(Target {
                    comparator: AtLeast,
                    value: 6,
                }),
                cell_rating: Some(Target {
                    comparator: AtLeast,
                    value: YearRating::Good,
                }),
                exemplary_commitment: Some(HeadsTarget {
                    heads: vec![HeadRole::Secretary, HeadRole::Principal],
                }),
                inspection: rate(AtLeast, 1000),
            },
            policy: Policy::default(),
        }
    }
}
