//! The reference record of 2024 (`examples/cell-year-2024.json`), built in
//! code with the typed API alone, then checked against the same record read
//! from JSON: the two give the same assessment.
//!
//! ```sh
//! cargo run --example typed
//! ```

use std::error::Error;

use bontot::chrono::NaiveDate;
use bontot::json::parse_record;
use bontot::plan::PlanRef;
use bontot::record::{
    Attendance, Body, Cell, Education, Head, HeadRole, Meeting, MeetingKind, MeetingQuality,
    MeetingRating, Member, MemberStatus, MembersConduct, NotReviewed, Party, PoliticalTask,
    Process, Rate, Recognition, Role, Tally, UnityDiscipline, Votes, YearRating,
};
use bontot::rust_decimal::Decimal;
use bontot::{CellYear, Lang, Plan, assess, render};

fn day(text: &str) -> Result<NaiveDate, Box<dyn Error>> {
    text.parse().map_err(|e| format!("{text}: {e}").into())
}

/// The roster: 25 official members (one of them exempt), 6 probationary.
fn members() -> Result<Vec<Member>, Box<dyn Error>> {
    use MemberStatus::{Official, Probationary};
    use YearRating::{Excellent, Good};
    let mut members = Vec::new();
    for n in 1..=31 {
        let role = match n {
            1 => Role::Secretary,
            2 => Role::DeputySecretary,
            3 => Role::Committee,
            _ => Role::Member,
        };
        let status = if n <= 25 { Official } else { Probationary };
        let mut m = Member::new(format!("dv{n:02}"), status, role);
        m.disciplined = Some(false);
        m.violated_prohibitions = Some(false);
        m.rating = Some(if [1, 4, 8, 16, 20].contains(&n) {
            Excellent
        } else {
            Good
        });
        m.admitted = match n {
            26 | 27 => Some(day("2024-03-15")?),
            28 | 29 => Some(day("2024-06-20")?),
            30 => Some(day("2024-09-05")?),
            31 => Some(day("2024-11-12")?),
            _ => None,
        };
        match n {
            // Exempt from party work: not reviewed, not rated.
            12 => {
                m.exempt = Some(true);
                m.not_reviewed = Some(NotReviewed::Exempt);
                m.rating = None;
            }
            // Admitted less than six months before the year's end.
            30 | 31 => {
                m.not_reviewed = Some(NotReviewed::AdmittedUnder6Months);
                m.rating = None;
            }
            _ => {}
        }
        members.push(m);
    }
    Ok(members)
}

/// A regular meeting: all 30 convened present, or one absent with leave
/// (and then one vote fewer on each content).
fn regular(
    date: &str,
    minutes: u32,
    prepared: &str,
    absent: Option<&str>,
) -> Result<Meeting, Box<dyn Error>> {
    let mut m = Meeting::new(day(date)?, MeetingKind::Regular);
    m.rating = Some(MeetingRating::Good);
    m.minutes = Some(minutes);
    m.committee_met = Some(day(prepared)?);
    let mut attendance = Attendance::new(30, 30);
    let fewer = u32::from(absent.is_some());
    if let Some(id) = absent {
        attendance.present = 29;
        attendance.absent_with_leave.push(id.to_owned());
    }
    m.attendance = Some(attendance);
    let mut votes = Votes::new(24);
    votes.political_task = Some(Tally::new(23 - fewer, 1));
    votes.meeting_quality = Some(Tally::new(24 - fewer, 0));
    votes.unity_discipline = Some(Tally::new(24 - fewer, 0));
    votes.members = Some(Tally::new(22 - fewer, 2));
    m.votes = Some(votes);
    Ok(m)
}

/// A thematic meeting, one member absent with leave.
fn thematic(date: &str, absent: &str) -> Result<Meeting, Box<dyn Error>> {
    let mut m = Meeting::new(day(date)?, MeetingKind::Thematic);
    m.rating = Some(MeetingRating::Good);
    m.minutes = Some(100);
    let mut attendance = Attendance::new(30, 29);
    attendance.absent_with_leave.push(absent.to_owned());
    m.attendance = Some(attendance);
    Ok(m)
}

fn meetings() -> Result<Vec<Meeting>, Box<dyn Error>> {
    Ok(vec![
        regular("2024-01-10", 95, "2024-01-07", None)?,
        regular("2024-02-12", 120, "2024-02-09", None)?,
        thematic("2024-02-26", "dv20")?,
        regular("2024-03-11", 95, "2024-03-08", Some("dv07"))?,
        regular("2024-04-10", 120, "2024-04-07", Some("dv07"))?,
        regular("2024-05-10", 95, "2024-05-07", None)?,
        thematic("2024-05-24", "dv21")?,
        regular("2024-06-10", 120, "2024-06-07", None)?,
        regular("2024-07-10", 95, "2024-07-07", None)?,
        regular("2024-08-12", 120, "2024-08-09", None)?,
        thematic("2024-08-26", "dv21")?,
        regular("2024-09-10", 95, "2024-09-07", Some("dv07"))?,
        regular("2024-10-10", 120, "2024-10-07", None)?,
        regular("2024-11-11", 95, "2024-11-08", None)?,
        thematic("2024-11-25", "dv20")?,
        regular("2024-12-10", 120, "2024-12-07", None)?,
    ])
}

/// The cell's year, fact by fact.
fn record() -> Result<CellYear, Box<dyn Error>> {
    let mut cell = Cell::new(2024);
    cell.name = Some("Chi bộ trường THCS Bình Tân".to_owned());
    cell.as_of = Some(day("2024-12-31")?);
    let mut record = CellYear::new(PlanRef::preset(Plan::BINH_TAN_2024), cell);
    let mut education = Education::default();
    education.school_year = Some("2023-2024".to_owned());
    education.dropout = Some(Rate::counts(9, 1512));
    education.repetition = Some(Rate::counts(5, 1512));
    education.promotion = Some(Rate::counts(1486, 1507));
    education.graduation = Some(Rate::counts(368, 368));
    education.efficiency = Some(Rate::counts(368, 397));
    education.public_grade10 = Some(Rate::counts(262, 368));
    education.swimming = Some(Rate::percent(Decimal::new(6125, 2)));
    record.education = Some(education);

    let mut party = Party::default();
    party.study = Some(Rate::counts(30, 30));
    party.admissions = Some(6);
    party.heads = Some(vec![
        Head::new(HeadRole::Secretary, true, true),
        Head::new(HeadRole::Principal, true, true),
    ]);
    party.inspection = Some(Rate::counts(31, 31));
    record.party = Some(party);

    let mut political = PoliticalTask::default();
    political.plans_concretized = Some(true);
    political.anti_degradation = Some(true);
    political.inspection_work = Some(true);
    political.party_building_work = Some(true);
    political.outstanding_cases = Some(0);
    political.mass_complaints = Some(0);
    political.over_level_complaints = Some(0);
    record.political_task = Some(political);

    let mut meeting_quality = MeetingQuality::default();
    meeting_quality.content_renewed = Some(true);
    record.meeting_quality = Some(meeting_quality);

    let mut unity = UnityDiscipline::default();
    unity.work_rules_followed = Some(true);
    unity.principles_upheld = Some(true);
    unity.administrative_discipline = Some(true);
    unity.issues_resolved = Some(true);
    record.unity_discipline = Some(unity);

    let mut conduct = MembersConduct::default();
    conduct.exemplary_conduct = Some(true);
    record.members_conduct = Some(conduct);

    record.members = Some(members()?);
    record.meetings = Some(meetings()?);
    record.year_end_rating = Some(YearRating::Good);

    let mut recognition = Recognition::default();
    recognition.by = Some(Body::GrassrootsCommittee);
    recognition.on = Some(day("2025-01-08")?);
    let mut process = Process::default();
    process.plan_adopted = Some(day("2024-05-02")?);
    process.proposed = Some(day("2024-12-20")?);
    process.recognition = Some(recognition);
    process.commendation_review = Some(day("2025-01-15")?);
    record.process = Some(process);
    Ok(record)
}

fn main() -> Result<(), Box<dyn Error>> {
    let typed = record()?;
    let from_json = parse_record(include_str!("cell-year-2024.json"))?;
    if typed != from_json {
        return Err("the record built in code differs from examples/cell-year-2024.json".into());
    }
    let plan = Plan::binh_tan_2024();
    let assessment = assess(&plan, &typed)?;
    if assessment != assess(&plan, &from_json)? {
        return Err("the assessments differ".into());
    }
    print!("{}", render(&assessment, Lang::En));
    println!("\nThe record built in code and the one read from JSON give the same assessment.");
    Ok(())
}
