//! The rendered reports: what a reader of each language must find in them.
//!
//! Expectations are worked out by hand from RULES.md and the example
//! records in `examples/`; each test asserts concrete substrings, so a
//! changed word, number convention or gap fails it.

// A test stops at its first surprise: unwrapping, panicking and indexing
// are how a test fails here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::error::Error;

use bontot::check::{Check, Quantity};
use bontot::json::{assess_json, parse_assessment, parse_record, render_json};
use bontot::{Assessment, CheckId, Lang, Status, Verdict, assess_record, render};

type Result<T = ()> = std::result::Result<T, Box<dyn Error>>;

/// The text of an example record.
fn example(name: &str) -> Result<String> {
    let path = format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"));
    Ok(std::fs::read_to_string(path)?)
}

/// The assessment of a record's text.
fn assess_text(json: &str) -> Result<Assessment> {
    Ok(assess_record(&parse_record(json)?)?)
}

/// The report of an example record.
fn report(name: &str, lang: Lang) -> Result<String> {
    Ok(render(&assess_text(&example(name)?)?, lang))
}

/// The report of an example record after `edit` changed it.
fn report_edited(
    name: &str,
    lang: Lang,
    edit: impl FnOnce(&mut serde_json::Value),
) -> Result<String> {
    let mut record: serde_json::Value = serde_json::from_str(&example(name)?)?;
    edit(&mut record);
    Ok(render(&assess_text(&record.to_string())?, lang))
}

/// The first line of `text` that contains every one of `parts`.
fn line_with<'a>(text: &'a str, parts: &[&str]) -> Option<&'a str> {
    text.lines().find(|l| parts.iter().all(|p| l.contains(p)))
}

const REFERENCE: &str = "cell-year-2024.json";
const FAILING: &str = "cell-year-failing.json";
const INCOMPLETE: &str = "cell-year-incomplete.json";
const JUNE: &str = "cell-year-june.json";

#[test]
fn report_vi_names_the_verdict_dat() -> Result {
    let vi = report(REFERENCE, Lang::Vi)?;
    assert!(
        vi.starts_with("ĐÁNH GIÁ MÔ HÌNH “CHI BỘ BỐN TỐT”\n"),
        "{vi}"
    );
    assert!(vi.contains("\nKế hoạch: binh-tan-2024\n"), "{vi}");
    assert!(vi.contains("\nNăm: 2024\n"), "{vi}");
    assert!(vi.contains("\nTính đến ngày: 31/12/2024\n"), "{vi}");
    assert!(vi.contains("\nKết quả: Đạt\n"), "{vi}");
    Ok(())
}

#[test]
fn report_en_names_the_verdict_and_iso_date() -> Result {
    let en = report(REFERENCE, Lang::En)?;
    assert!(en.contains("\nAs of: 2024-12-31\n"), "{en}");
    assert!(en.contains("\nVerdict: Achieved\n"), "{en}");
    Ok(())
}

#[test]
fn report_names_each_criterion_with_clause_and_status() -> Result {
    let vi = report(REFERENCE, Lang::Vi)?;
    for heading in [
        "2.1.1. Lãnh đạo hoàn thành tốt nhiệm vụ chính trị — Đạt",
        "2.1.2. Chất lượng sinh hoạt tốt — Đạt",
        "2.1.3. Đoàn kết tốt, kỷ luật tốt — Đạt",
        "2.1.4. Cán bộ, đảng viên tốt — Đạt",
    ] {
        assert!(vi.lines().any(|l| l == heading), "{heading}\n{vi}");
    }
    let failing = report(FAILING, Lang::Vi)?;
    assert!(
        failing.contains("2.1.3. Đoàn kết tốt, kỷ luật tốt — Không đạt"),
        "{failing}"
    );
    let incomplete = report(INCOMPLETE, Lang::Vi)?;
    assert!(
        incomplete.contains("2.1.1. Lãnh đạo hoàn thành tốt nhiệm vụ chính trị — Chưa đủ dữ liệu")
    );
    Ok(())
}

#[test]
fn report_shows_rate_with_counts_and_vietnamese_decimal_comma() -> Result {
    // 9/1512 = 0.5952…% → 0.60 (half-up, two decimals); 1512 → "1.512" in Vietnamese.
    let vi = report(REFERENCE, Lang::Vi)?;
    assert!(
        vi.contains("  ✓ Tỷ lệ học sinh bỏ học: 0,60% (9/1.512); chỉ tiêu: dưới 1,0%\n"),
        "{vi}"
    );
    // 1486/1507 = 98.606…% → 98.61; "từ … trở lên" for at_least.
    assert!(
        vi.contains("Lên lớp thẳng: 98,61% (1.486/1.507); chỉ tiêu: từ 98,0% trở lên"),
        "{vi}"
    );
    // 262/368 = 71.195…% → 71.20; "trên" for above.
    assert!(
        vi.contains("Vào lớp 10 công lập: 71,20% (262/368); chỉ tiêu: trên 68,0%"),
        "{vi}"
    );
    // 368/368 keeps two decimals.
    assert!(vi.contains("Tốt nghiệp THCS: 100,00% (368/368)"), "{vi}");
    let en = report(REFERENCE, Lang::En)?;
    assert!(
        en.contains("  ✓ Dropout rate: 0.60% (9/1512); target: below 1.0%\n"),
        "{en}"
    );
    assert!(
        en.contains("Students who can swim: 61.25%; target: at least 55.0%"),
        "{en}"
    );
    Ok(())
}

#[test]
fn report_rounds_half_up_not_to_even() -> Result {
    // 1 of 800 is exactly 0.125 %: half-up gives 0.13 (banker's rounding would give 0.12).
    let vi = report_edited(REFERENCE, Lang::Vi, |r| {
        r["education"]["dropout"] = serde_json::json!({"count": 1, "of": 800});
    })?;
    assert!(vi.contains("Tỷ lệ học sinh bỏ học: 0,13% (1/800)"), "{vi}");
    Ok(())
}

#[test]
fn report_vi_shows_gap_in_admissions() -> Result {
    let vi = report(FAILING, Lang::Vi)?;
    assert!(
        vi.contains("  ✗ Kết nạp đảng viên: 4 đảng viên được kết nạp; chỉ tiêu: từ 6 trở lên\n")
    );
    assert!(
        vi.contains("      → cần thêm 2 đảng viên được kết nạp\n"),
        "{vi}"
    );
    Ok(())
}

#[test]
fn report_en_shows_gap_in_admissions() -> Result {
    let en = report(FAILING, Lang::En)?;
    assert!(
        en.contains("✗ Admissions of new members: 4 admissions; target: at least 6"),
        "{en}"
    );
    assert!(en.contains("→ 2 more admissions needed\n"), "{en}");
    Ok(())
}

#[test]
fn report_shows_dropout_gap_in_students_with_the_base_held() -> Result {
    // 6 of 520 is 1.15 %; 5 of 520 (0.96 %) is the most that passes "below 1.0".
    let vi = report(FAILING, Lang::Vi)?;
    assert!(
        vi.contains("✗ Tỷ lệ học sinh bỏ học: 1,15% (6/520); chỉ tiêu: dưới 1,0%"),
        "{vi}"
    );
    assert!(vi.contains("→ tối đa 5 học sinh bỏ học: giảm 1\n"), "{vi}");
    let en = report(FAILING, Lang::En)?;
    assert!(en.contains("→ at most 5 dropouts: 1 fewer\n"), "{en}");
    Ok(())
}

#[test]
fn report_shows_gap_in_percentage_points_for_a_figure() -> Result {
    // Swimming 54.5 % against at least 55.0: 0.5 points, not strict.
    let vi = report(FAILING, Lang::Vi)?;
    assert!(
        vi.contains("✗ Học sinh biết bơi: 54,5%; chỉ tiêu: từ 55,0% trở lên"),
        "{vi}"
    );
    assert!(vi.contains("→ cần tăng 0,5 điểm phần trăm\n"), "{vi}");
    let en = report(FAILING, Lang::En)?;
    assert!(en.contains("→ higher by 0.5 percentage points\n"), "{en}");
    Ok(())
}

#[test]
fn report_shows_strict_gap_with_hon_and_more_than() -> Result {
    // A dropout figure of 1.25 % against below 1.0: down by more than 0.25 points.
    let edit = |r: &mut serde_json::Value| {
        r["education"]["dropout"] = serde_json::json!({"rate": "1.25"});
    };
    let vi = report_edited(REFERENCE, Lang::Vi, edit)?;
    assert!(vi.contains("→ cần giảm hơn 0,25 điểm phần trăm\n"), "{vi}");
    let en = report_edited(REFERENCE, Lang::En, edit)?;
    assert!(
        en.contains("→ lower by more than 0.25 percentage points\n"),
        "{en}"
    );
    Ok(())
}

#[test]
fn report_shows_zero_required_counts_must_come_down_to_zero() -> Result {
    let vi = report(FAILING, Lang::Vi)?;
    let cases = line_with(
        &vi,
        &[
            "✗ Không để vụ việc tồn đọng: 1 vụ việc tồn đọng",
            "không quá 0",
        ],
    );
    assert!(cases.is_some(), "{vi}");
    assert!(vi.contains("→ cần giảm về 0 (giảm 1)\n"), "{vi}");
    let en = report(FAILING, Lang::En)?;
    assert!(en.contains("→ must come down to 0 (1 fewer)\n"), "{en}");
    Ok(())
}

#[test]
fn report_shows_judgment_rating_and_details_of_failures() -> Result {
    let vi = report(FAILING, Lang::Vi)?;
    assert!(
        vi.contains("✗ Giải quyết kịp thời các vấn đề phát sinh: không; yêu cầu: có"),
        "{vi}"
    );
    assert!(vi.contains("→ cần được chi bộ đánh giá là đạt"), "{vi}");
    // The month without a regular meeting, the meeting below good, the short
    // meeting, and the disciplined member are each named.
    assert!(
        vi.contains("→ cần thêm 1 tháng có sinh hoạt thường kỳ\n      Tháng: 7\n"),
        "{vi}"
    );
    assert!(
        vi.contains("Kỳ sinh hoạt thường kỳ ngày 12/08/2024: xếp loại dưới mức Tốt"),
        "{vi}"
    );
    assert!(
        vi.contains(
            "Kỳ sinh hoạt thường kỳ ngày 10/10/2024: thời gian sinh hoạt dưới mức tối thiểu"
        ),
        "{vi}"
    );
    assert!(vi.contains("Đảng viên: dv05"), "{vi}");
    let en = report(FAILING, Lang::En)?;
    assert!(en.contains("The regular meeting of 2024-10-10: shorter than the minimum length"));
    assert!(en.contains("Members: dv05"), "{en}");
    Ok(())
}

#[test]
fn report_names_the_quarter_and_the_head_that_fall_short() -> Result {
    // Without the thematic meeting of 26 August, quarter 3 has none; the
    // principal did not fulfil the commitment to set an example.
    let edit = |r: &mut serde_json::Value| {
        if let Some(meetings) = r["meetings"].as_array_mut() {
            meetings.retain(|m| m["date"] != "2024-08-26");
        }
        r["party"]["heads"][1]["fulfilled"] = serde_json::json!(false);
    };
    let vi = report_edited(REFERENCE, Lang::Vi, edit)?;
    assert!(vi.contains(
        "✗ Sinh hoạt chuyên đề mỗi quý: 3 quý có sinh hoạt chuyên đề; chỉ tiêu: từ 4 trở lên"
    ));
    assert!(
        vi.contains("→ cần thêm 1 quý có sinh hoạt chuyên đề\n      Quý: 3\n"),
        "{vi}"
    );
    assert!(
        vi.contains(
            "→ người đứng đầu dưới đây cần cam kết và thực hiện tốt trách nhiệm nêu gương\n      \
             Người đứng đầu chưa cam kết hoặc chưa thực hiện: Hiệu trưởng\n"
        ),
        "{vi}"
    );
    let en = report_edited(REFERENCE, Lang::En, edit)?;
    assert!(
        en.contains("→ 1 more quarter with a thematic meeting needed\n      Quarters: 3\n"),
        "{en}"
    );
    assert!(
        en.contains(
            "→ each head below must commit to, and fulfil, the duty to set an example\n      \
             Heads who did not commit or fulfil: school principal\n"
        ),
        "{en}"
    );
    Ok(())
}

#[test]
fn report_shows_year_end_rating_in_the_verdict_section() -> Result {
    let vi = report(REFERENCE, Lang::Vi)?;
    assert!(vi.contains(
        "2.2.2. Xếp loại chi bộ cuối năm — Đạt\n  ✓ Xếp loại chi bộ cuối năm: Hoàn thành tốt nhiệm vụ; \
         chỉ tiêu: từ Hoàn thành tốt nhiệm vụ trở lên\n"
    ));
    let failing = report(FAILING, Lang::Vi)?;
    assert!(
        failing.contains("2.2.2. Xếp loại chi bộ cuối năm — Không đạt"),
        "{failing}"
    );
    assert!(
        failing.contains("✗ Xếp loại chi bộ cuối năm: Hoàn thành nhiệm vụ;"),
        "{failing}"
    );
    assert!(
        failing.contains("→ cần xếp loại Hoàn thành tốt nhiệm vụ"),
        "{failing}"
    );
    let en = report(FAILING, Lang::En)?;
    assert!(
        en.contains("→ needs the rating \"completed tasks well\""),
        "{en}"
    );
    Ok(())
}

#[test]
fn report_lists_missing_facts_when_incomplete() -> Result {
    let vi = report(INCOMPLETE, Lang::Vi)?;
    assert!(vi.contains("\nKết quả: Chưa đủ dữ liệu\n"), "{vi}");
    assert!(
        vi.contains(
            "? Học sinh biết bơi: chưa có dữ liệu\n      cần bổ sung: education.swimming\n"
        )
    );
    assert!(
        vi.contains(
            "\nThiếu dữ liệu\n  - education.swimming\n  - members_conduct.exemplary_conduct\n"
        ),
        "{vi}"
    );
    let en = report(INCOMPLETE, Lang::En)?;
    assert!(en.contains("\nVerdict: Incomplete\n"), "{en}");
    assert!(
        en.contains("\nMissing facts\n  - education.swimming\n"),
        "{en}"
    );
    // A complete record has no such section.
    assert!(!report(REFERENCE, Lang::Vi)?.contains("Thiếu dữ liệu"));
    assert!(!report(REFERENCE, Lang::En)?.contains("Missing facts"));
    Ok(())
}

#[test]
fn report_shows_monthly_table() -> Result {
    let vi = report(REFERENCE, Lang::Vi)?;
    let head = line_with(
        &vi,
        &["Tháng", "Ngày họp", "Xếp loại", "2.1.1", "2.1.4", "Ghi chú"],
    );
    assert!(head.is_some(), "{vi}");
    let january = line_with(&vi, &["10/01/2024", "Tốt"]).unwrap_or_default();
    assert!(january.starts_with("1 "), "{vi}");
    for cell in ["✓ 23/24", "✓ 24/24", "✓ 22/24"] {
        assert!(january.contains(cell), "{january}");
    }
    let months = vi.lines().filter(|l| l.contains("/2024 | Tốt")).count();
    assert_eq!(months, 12, "{vi}");
    assert!(vi.contains(
        "\nLũy kế: sinh hoạt thường kỳ 12/12 tháng; tháng đạt/tháng sinh hoạt: 2.1.1 12/12,"
    ));
    let en = report(REFERENCE, Lang::En)?;
    assert!(
        line_with(&en, &["Month", "Meeting", "Rating", "Note"]).is_some(),
        "{en}"
    );
    assert!(
        line_with(&en, &["2024-01-10", "good", "✓ 23/24"]).is_some(),
        "{en}"
    );
    assert!(
        en.contains("\nYear to date: regular meetings in 12 of 12 months;"),
        "{en}"
    );
    Ok(())
}

/// RULES §10: meetings left out are not given, not "none held": every month
/// says so, and the year so far does not count them as zero.
#[test]
fn report_months_of_meetings_not_given_say_so() -> Result {
    let without_meetings = |r: &mut serde_json::Value| {
        r.as_object_mut().unwrap().remove("meetings");
    };
    let en = report_edited(REFERENCE, Lang::En, without_meetings)?;
    assert!(
        line_with(&en, &["7 ", "meetings not given"]).is_some(),
        "{en}"
    );
    assert!(!en.contains("no meeting"), "{en}");
    assert!(
        en.contains("\nYear to date: the record does not give its meetings.\n"),
        "{en}"
    );
    let vi = report_edited(REFERENCE, Lang::Vi, without_meetings)?;
    assert!(
        line_with(&vi, &["7 ", "không có số liệu"]).is_some(),
        "{vi}"
    );
    assert!(!vi.contains("không họp"), "{vi}");
    assert!(vi.contains("\nLũy kế: hồ sơ không có số liệu các kỳ sinh hoạt.\n"));
    Ok(())
}

/// A figure exactly on a strict threshold must move, by any amount.
#[test]
fn report_gap_on_a_strict_threshold_is_any_amount() -> Result {
    let on_threshold = |r: &mut serde_json::Value| {
        r["education"]["dropout"] = serde_json::json!({"rate": "1.0"});
    };
    let en = report_edited(REFERENCE, Lang::En, on_threshold)?;
    assert!(en.contains("→ must be lower, by any amount\n"), "{en}");
    let vi = report_edited(REFERENCE, Lang::Vi, on_threshold)?;
    assert!(vi.contains("→ cần giảm, dù chỉ một ít\n"), "{vi}");
    Ok(())
}

/// A failed check that also misses facts names them where it fails.
#[test]
fn report_failed_check_names_the_facts_it_misses() -> Result {
    let edit = |r: &mut serde_json::Value| {
        r["members"][4]["disciplined"] = serde_json::json!(true);
        r["members"][5]["disciplined"] = serde_json::Value::Null;
    };
    let en = report_edited(REFERENCE, Lang::En, edit)?;
    // The check's own lines: its line, then those indented deeper.
    let block: Vec<&str> = en
        .lines()
        .skip_while(|l| !l.contains("✗ No member disciplined"))
        .enumerate()
        .take_while(|(i, l)| *i == 0 || l.starts_with("      "))
        .map(|(_, l)| l)
        .collect();
    assert!(
        block
            .iter()
            .any(|l| l.contains("needs: members[5].disciplined")),
        "{block:?}"
    );
    Ok(())
}

/// RULES §7: the year so far is, per content, months achieved of months
/// held; a month held without votes counts as held and not achieved.
#[test]
fn report_year_to_date_is_months_achieved_of_months_held() -> Result {
    let without_july_votes = |r: &mut serde_json::Value| {
        let meetings = r["meetings"].as_array_mut().unwrap();
        let july = meetings
            .iter_mut()
            .find(|m| m["date"] == "2024-07-10")
            .unwrap();
        july.as_object_mut().unwrap().remove("votes");
    };
    let en = report_edited(REFERENCE, Lang::En, without_july_votes)?;
    assert!(
        en.contains(
            "Year to date: regular meetings in 12 of 12 months; months achieved/held: \
             2.1.1 11/12, 2.1.2 11/12, 2.1.3 11/12, 2.1.4 11/12"
        ),
        "{en}"
    );
    let vi = report_edited(REFERENCE, Lang::Vi, without_july_votes)?;
    assert!(
        vi.contains("tháng đạt/tháng sinh hoạt: 2.1.1 11/12, 2.1.2 11/12"),
        "{vi}"
    );
    Ok(())
}

#[test]
fn report_monthly_table_shows_no_meeting_and_a_vote_not_achieved() -> Result {
    let vi = report(FAILING, Lang::Vi)?;
    let july = line_with(&vi, &["không họp"]).unwrap_or_default();
    assert!(
        july.starts_with("7 ") && july.contains('—') && july.contains('–'),
        "{vi}"
    );
    // 12 of 24 is not more than half: not achieved.
    let november = line_with(&vi, &["11/11/2024"]).unwrap_or_default();
    assert!(november.contains("✗ 12/24"), "{november}");
    assert!(line_with(&vi, &["12/08/2024", "Khá"]).is_some(), "{vi}");
    assert!(vi.contains(
        "Lũy kế: sinh hoạt thường kỳ 11/12 tháng; tháng đạt/tháng sinh hoạt: 2.1.1 10/11,"
    ));
    let en = report(FAILING, Lang::En)?;
    assert!(line_with(&en, &["7 ", "no meeting"]).is_some(), "{en}");
    Ok(())
}

#[test]
fn report_says_the_as_of_month_is_not_held_yet() -> Result {
    // As of 15 June without a June meeting: the month is not over, so not "no meeting".
    let edit = |r: &mut serde_json::Value| {
        r["cell"]["as_of"] = serde_json::json!("2024-06-15");
        if let Some(meetings) = r["meetings"].as_array_mut() {
            meetings.retain(|m| m["date"].as_str().is_some_and(|d| d < "2024-06-01"));
        }
    };
    let vi = report_edited(JUNE, Lang::Vi, edit)?;
    assert!(line_with(&vi, &["6 ", "chưa họp"]).is_some(), "{vi}");
    assert!(!vi.contains("không họp"), "{vi}");
    let en = report_edited(JUNE, Lang::En, edit)?;
    assert!(line_with(&en, &["6 ", "not held yet"]).is_some(), "{en}");
    Ok(())
}

#[test]
fn report_shows_projection_for_an_open_target() -> Result {
    // 2 admissions by 30 June (day 182 of 366): 2 × 366 / 182 = 4.02 → 4 for the
    // year, behind the pro-rata 6 × 182 / 366 = 2.98.
    let vi = report(JUNE, Lang::Vi)?;
    assert!(
        vi.contains("\nTính đến ngày: 30/06/2024 (chưa hết năm)\n"),
        "{vi}"
    );
    assert!(vi.contains("\nKết quả: Chưa đủ dữ liệu\n"), "{vi}");
    assert!(
        vi.contains("  ? Kết nạp đảng viên: 2 đảng viên được kết nạp; chỉ tiêu: từ 6 trở lên\n")
    );
    assert!(vi.contains(
        "Dự báo: chậm tiến độ; theo nhịp hiện tại, cả năm ước đạt 4 đảng viên được kết nạp \
         (đã qua 182/366 ngày)"
    ));
    assert!(!vi.contains("✗ Kết nạp đảng viên"), "{vi}");
    let en = report(JUNE, Lang::En)?;
    assert!(en.contains("Projection: behind; at the pace so far, about 4 admissions for the year"));
    Ok(())
}

#[test]
fn report_shows_process_findings() -> Result {
    // The reference record's plan was adopted on 2 May 2024, after the 31 March deadline.
    let vi = report(REFERENCE, Lang::Vi)?;
    let adoption = line_with(&vi, &["✗ Chi bộ thông qua kế hoạch đầu năm (3)"]).unwrap_or_default();
    assert!(adoption.contains("— cảnh báo:"), "{vi}");
    assert!(
        adoption.contains("thông qua ngày 02/05/2024, hạn 31/03/2024"),
        "{adoption}"
    );
    assert!(
        line_with(
            &vi,
            &[
                "✓ Đảng ủy cơ sở xét, công nhận (2.3.1)",
                "do Đảng ủy cơ sở công nhận"
            ]
        )
        .is_some()
    );
    assert!(
        line_with(
            &vi,
            &[
                "✓ Công nhận trước khi xét khen thưởng",
                "(2.4)",
                "15/01/2025"
            ]
        )
        .is_some()
    );
    assert!(
        !vi.contains("Lưu ý: có lỗi"),
        "a warning alone leaves the recognition valid"
    );
    let en = report(REFERENCE, Lang::En)?;
    let adoption =
        line_with(&en, &["✗ Plan adopted at the start of the year (3)"]).unwrap_or_default();
    assert!(
        adoption.contains("— warning: adopted 2024-05-02, deadline 2024-03-31"),
        "{en}"
    );
    Ok(())
}

#[test]
fn report_shows_a_recognition_by_the_wrong_body_as_an_error() -> Result {
    let vi = report(FAILING, Lang::Vi)?;
    assert!(
        line_with(
            &vi,
            &[
                "✗ Đảng ủy cơ sở xét, công nhận (2.3.1) — lỗi",
                "do Chi ủy công nhận"
            ]
        )
        .is_some()
    );
    assert!(
        vi.contains("Lưu ý: có lỗi về thủ tục xét, công nhận"),
        "{vi}"
    );
    let en = report(FAILING, Lang::En)?;
    assert!(
        line_with(&en, &["— error", "recognized by the cell committee"]).is_some(),
        "{en}"
    );
    // A finding without its dates is unknown and names them.
    let incomplete = report(INCOMPLETE, Lang::Vi)?;
    assert!(
        incomplete.contains("cần bổ sung: process.commendation_review"),
        "{incomplete}"
    );
    Ok(())
}

#[test]
fn every_check_id_has_a_non_empty_label_in_both_languages() -> Result {
    let mut assessment = assess_text(&example(REFERENCE)?)?;
    assessment.checks = CheckId::ALL
        .iter()
        .map(|&id| {
            let mut check = Check::new(id, Status::Pass);
            check.actual = Some(Quantity::Judgment(true));
            check
        })
        .collect();
    for (lang, yes) in [(Lang::Vi, "có"), (Lang::En, "yes")] {
        let text = render(&assessment, lang);
        let labels: Vec<&str> = text
            .lines()
            .filter_map(|l| l.strip_prefix("  ✓ "))
            .filter_map(|l| l.strip_suffix(&format!(": {yes}")))
            .collect();
        assert_eq!(labels.len(), CheckId::ALL.len(), "{lang}: {text}");
        for (label, id) in labels.iter().zip(CheckId::ALL) {
            assert!(!label.trim().is_empty(), "{lang}: {id} has no label");
            assert_ne!(*label, id.as_str(), "{lang}: {id} is labelled by its id");
        }
    }
    Ok(())
}

#[test]
fn report_vi_and_en_differ_and_vi_has_no_english_status() -> Result {
    let vi = report(FAILING, Lang::Vi)?;
    let en = report(FAILING, Lang::En)?;
    assert_ne!(vi, en);
    for english in [
        "Verdict:",
        "target:",
        "warning",
        "not met",
        "percentage points",
    ] {
        assert!(!vi.contains(english), "{english} in the Vietnamese report");
    }
    Ok(())
}

#[test]
fn report_is_deterministic_and_same_from_json() -> Result {
    let json = example(FAILING)?;
    let assessment = assess_text(&json)?;
    for lang in [Lang::Vi, Lang::En] {
        let once = render(&assessment, lang);
        assert_eq!(once, render(&assessment, lang));
        // Through the JSON layer (assessment printed and read back): the same text.
        assert_eq!(once, render_json(&assess_json(&json)?, lang)?);
        assert_eq!(once, render(&parse_assessment(&assess_json(&json)?)?, lang));
    }
    Ok(())
}

#[test]
fn example_records_give_their_intended_verdicts() -> Result {
    let cases = [
        (REFERENCE, Verdict::Achieved),
        (FAILING, Verdict::NotAchieved),
        (INCOMPLETE, Verdict::Incomplete),
        (JUNE, Verdict::Incomplete),
    ];
    for (name, verdict) in cases {
        let a = assess_text(&example(name)?)?;
        assert_eq!(a.verdict, verdict, "{name}");
    }
    let failing = assess_text(&example(FAILING)?)?;
    for c in [
        failing.criteria.political_task,
        failing.criteria.meeting_quality,
        failing.criteria.unity_discipline,
        failing.criteria.members,
    ] {
        assert_eq!(c.status, Status::Fail, "{c:?}");
    }
    let june = assess_text(&example(JUNE)?)?;
    let admissions = june
        .check(CheckId::PartyAdmissions)
        .map(|c| (c.status, c.projection.is_some()));
    assert_eq!(
        admissions,
        Some((Status::Unknown, true)),
        "open, with a projection, not failed"
    );
    Ok(())
}

/// Per-check words (issue 14): each check's line and gap, rendered on their
/// own, are the lines the full report prints for it, in both languages.
#[test]
fn each_check_renders_alone_as_in_the_report() {
    let record =
        bontot::json::parse_record(include_str!("../examples/cell-year-failing.json")).unwrap();
    let a = bontot::assess_record(&record).unwrap();
    for lang in [bontot::Lang::Vi, bontot::Lang::En] {
        let report = bontot::render(&a, lang);
        let mut gaps = 0;
        for check in &a.checks {
            let line = bontot::report::render_check(check, lang);
            assert!(report.lines().any(|l| l.trim() == line), "{lang}: {line}");
            if let Some(gap) = bontot::report::render_gap(check, lang) {
                gaps += 1;
                assert!(report.contains(&format!("→ {gap}")), "{lang}: {gap}");
            } else {
                assert!(check.gap.is_none());
            }
        }
        assert!(gaps > 0, "the failing example has gaps");
    }
}
