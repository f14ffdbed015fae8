//! The Vietnamese words of a report, in the plan's own wording
//! (Kế hoạch 13-KH/CB and RULES.md §1, §3, §4), with Vietnamese number
//! conventions: decimal comma, `.` between thousands, dates `dd/mm/yyyy`.

use chrono::{Datelike, NaiveDate};

use crate::assessment::Verdict;
use crate::model::ids::{CheckId, CriterionId};
use crate::model::meeting::{MeetingKind, MeetingRating};
use crate::model::member::{HeadRole, YearRating};
use crate::model::rate::Comparator;
use crate::model::record::Body;
use crate::render::words::{Text, Words, with_unit};
use crate::rules::check::{Condition, Trend};
use crate::rules::process::{FindingId, Severity};
use crate::rules::status::Status;

/// Vietnamese.
pub(super) struct Vi;

impl Words for Vi {
    fn date(&self, d: NaiveDate) -> String {
        format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year())
    }

    fn decimal_mark(&self) -> char {
        ','
    }

    fn thousands(&self) -> Option<char> {
        Some('.')
    }

    fn text(&self, t: Text) -> &'static str {
        match t {
            Text::Title => "ĐÁNH GIÁ MÔ HÌNH “CHI BỘ BỐN TỐT”",
            Text::Plan => "Kế hoạch",
            Text::Year => "Năm",
            Text::AsOf => "Tính đến ngày",
            Text::YearNotOver => "chưa hết năm",
            Text::Verdict => "Kết quả",
            Text::Target => "chỉ tiêu",
            Text::Required => "yêu cầu",
            Text::NotGiven => "chưa có dữ liệu",
            Text::Yes => "có",
            Text::No => "không",
            Text::Needs => "cần bổ sung",
            Text::GapJudgment => "cần được chi bộ đánh giá là đạt",
            Text::GapHeads => {
                "người đứng đầu dưới đây cần cam kết và thực hiện tốt trách nhiệm nêu gương"
            }
            Text::GapUnreachable => "không thể đạt chỉ tiêu với số liệu hiện có",
            Text::DetailMonths => "Tháng",
            Text::DetailQuarters => "Quý",
            Text::DetailMembers => "Đảng viên",
            Text::DetailHeads => "Người đứng đầu chưa cam kết hoặc chưa thực hiện",
            Text::MissingSection => "Thiếu dữ liệu",
            Text::MonthsSection => "Kết quả hằng tháng (biểu quyết từng nội dung)",
            Text::ColMonth => "Tháng",
            Text::ColDate => "Ngày họp",
            Text::ColRating => "Xếp loại",
            Text::ColNote => "Ghi chú",
            Text::NoMeeting => "không họp",
            Text::NotYetHeld => "chưa họp",
            Text::BeforeFounding => "chưa thành lập chi bộ",
            Text::MeetingsNotGiven => "không có số liệu",
            Text::YearToDateNotGiven => "Lũy kế: hồ sơ không có số liệu các kỳ sinh hoạt.",
            Text::NoVotes => "không biểu quyết",
            Text::MonthsLegend => {
                "2.1.1–2.1.4: bốn nội dung; ✓ đạt, ✗ không đạt, – không biểu quyết; \
                 số phiếu tán thành/tổng số đảng viên có quyền biểu quyết."
            }
            Text::ProcessSection => "Quy trình xây dựng kế hoạch, xét và công nhận",
            Text::AdoptedOn => "thông qua ngày",
            Text::DeadlineOn => "hạn",
            Text::ProposedOn => "đề xuất ngày",
            Text::RecognizedOn => "công nhận ngày",
            Text::ReviewOn => "xét khen thưởng ngày",
            Text::ProcedurallyInvalid => {
                "Lưu ý: có lỗi về thủ tục xét, công nhận; việc công nhận chưa hợp lệ."
            }
        }
    }

    fn verdict(&self, v: Verdict) -> &'static str {
        match v {
            Verdict::Achieved => "Đạt",
            Verdict::NotAchieved => "Không đạt",
            Verdict::Incomplete => "Chưa đủ dữ liệu",
        }
    }

    fn status(&self, s: Status) -> &'static str {
        match s {
            Status::Pass => "Đạt",
            Status::Fail => "Không đạt",
            Status::Unknown => "Chưa đủ dữ liệu",
        }
    }

    fn criterion(&self, c: CriterionId) -> &'static str {
        match c {
            CriterionId::PoliticalTask => "Lãnh đạo hoàn thành tốt nhiệm vụ chính trị",
            CriterionId::MeetingQuality => "Chất lượng sinh hoạt tốt",
            CriterionId::UnityDiscipline => "Đoàn kết tốt, kỷ luật tốt",
            CriterionId::Members => "Cán bộ, đảng viên tốt",
            CriterionId::Verdict => "Xếp loại chi bộ cuối năm",
        }
    }

    fn check(&self, id: CheckId) -> &'static str {
        match id {
            CheckId::EduDropout => "Tỷ lệ học sinh bỏ học",
            CheckId::EduRepetition => "Lưu ban",
            CheckId::EduPromotion => "Lên lớp thẳng",
            CheckId::EduGraduation => "Tốt nghiệp THCS",
            CheckId::EduEfficiency => "Hiệu suất đào tạo",
            CheckId::EduPublicGrade10 => "Vào lớp 10 công lập",
            CheckId::EduSwimming => "Học sinh biết bơi",
            CheckId::PartyStudy => "Đảng viên học tập, quán triệt Nghị quyết, Chỉ thị",
            CheckId::PartyAdmissions => "Kết nạp đảng viên",
            CheckId::PartyCellRating => "Chi bộ hoàn thành tốt nhiệm vụ trở lên",
            CheckId::PartyExemplaryCommitment => {
                "Người đứng đầu cấp ủy, chính quyền cam kết và thực hiện tốt trách nhiệm nêu gương \
                 (QĐ 101, 55, 08)"
            }
            CheckId::PartyInspection => {
                "Kiểm tra, giám sát 100% đảng viên thực hiện thông báo, kết luận sau kiểm tra"
            }
            CheckId::PlansConcretized => {
                "Cụ thể hóa chỉ thị, nghị quyết bằng chương trình, kế hoạch"
            }
            CheckId::AntiDegradation => {
                "Đấu tranh ngăn chặn suy thoái, “tự diễn biến”, “tự chuyển hóa”; học tập và làm \
                 theo Bác; phòng, chống tham nhũng"
            }
            CheckId::InspectionWork => "Công tác kiểm tra, giám sát và kỷ luật của đảng",
            CheckId::PartyBuildingWork => {
                "Công tác xây dựng đảng, tổ chức cán bộ và quản lý đảng viên"
            }
            CheckId::OutstandingCases => "Không để vụ việc tồn đọng",
            CheckId::MassComplaints => "Không để khiếu nại phức tạp đông người",
            CheckId::OverLevelComplaints => "Không để khiếu nại vượt cấp",
            CheckId::PoliticalTaskMonthlyVotes
            | CheckId::MeetingQualityMonthlyVotes
            | CheckId::UnityDisciplineMonthlyVotes
            | CheckId::MembersMonthlyVotes => "Chi bộ biểu quyết đạt nội dung này hằng tháng",
            CheckId::MonthlyHeld => "Sinh hoạt chi bộ thường kỳ mỗi tháng một lần",
            CheckId::MonthlyGood => "Sinh hoạt chi bộ hằng tháng được đánh giá mức độ Tốt",
            CheckId::RatingSupported => {
                "Xếp loại Tốt đủ điều kiện theo khung tiêu chí (HD 12-HD/BTCTW)"
            }
            CheckId::CommitteePrepared => "Chi ủy họp chuẩn bị trước kỳ sinh hoạt hằng tháng",
            CheckId::ThematicQuarterly => "Sinh hoạt chuyên đề mỗi quý",
            CheckId::ContentRenewed => {
                "Chuẩn bị tốt và thường xuyên đổi mới nội dung sinh hoạt đảng"
            }
            CheckId::ProhibitedViolations => {
                "Không có đảng viên vi phạm Quy định những điều đảng viên không được làm"
            }
            CheckId::WorkRulesFollowed => {
                "Xây dựng, tổ chức thực hiện đúng quy chế làm việc của cấp ủy, chi bộ"
            }
            CheckId::PrinciplesUpheld => {
                "Thực hiện nguyên tắc tập trung dân chủ, tự phê bình và phê bình"
            }
            CheckId::AdministrativeDiscipline => "Thực hiện tốt kỷ luật, kỷ cương hành chính",
            CheckId::IssuesResolved => "Giải quyết kịp thời các vấn đề phát sinh",
            CheckId::NoneDisciplined => "Không có đảng viên bị kỷ luật",
            CheckId::NoneNotCompleted => "Không có đảng viên không hoàn thành nhiệm vụ",
            CheckId::LeadersExemplary => {
                "Bí thư, phó bí thư, chi ủy viên nêu cao vai trò tiên phong, gương mẫu"
            }
            CheckId::MemberDevelopment => "Làm tốt công tác phát triển đảng viên",
            CheckId::ExemplaryConduct => "Nêu gương tốt về đạo đức, lối sống, nói đi đôi với làm",
            CheckId::YearEndRating => "Xếp loại chi bộ cuối năm",
        }
    }

    fn unit(&self, id: CheckId, _one: bool) -> &'static str {
        match id {
            CheckId::EduDropout => "học sinh bỏ học",
            CheckId::EduRepetition => "học sinh lưu ban",
            CheckId::EduPromotion => "học sinh lên lớp thẳng",
            CheckId::EduGraduation => "học sinh tốt nghiệp THCS",
            CheckId::EduEfficiency => "học sinh tốt nghiệp",
            CheckId::EduPublicGrade10 => "học sinh vào lớp 10 công lập",
            CheckId::EduSwimming => "học sinh biết bơi",
            CheckId::PartyStudy => "đảng viên tham gia học tập",
            CheckId::PartyAdmissions | CheckId::MemberDevelopment => "đảng viên được kết nạp",
            CheckId::PartyExemplaryCommitment => "người đứng đầu cam kết và thực hiện tốt",
            CheckId::PartyInspection => "đảng viên được kiểm tra, giám sát",
            CheckId::OutstandingCases => "vụ việc tồn đọng",
            CheckId::MassComplaints => "vụ khiếu nại phức tạp đông người",
            CheckId::OverLevelComplaints => "vụ khiếu nại vượt cấp",
            CheckId::PoliticalTaskMonthlyVotes
            | CheckId::MeetingQualityMonthlyVotes
            | CheckId::UnityDisciplineMonthlyVotes
            | CheckId::MembersMonthlyVotes => "tháng biểu quyết đạt",
            CheckId::MonthlyHeld => "tháng có sinh hoạt thường kỳ",
            CheckId::MonthlyGood => "kỳ sinh hoạt thường kỳ dưới mức Tốt",
            CheckId::RatingSupported => "kỳ sinh hoạt xếp loại Tốt chưa đủ điều kiện",
            CheckId::CommitteePrepared => "kỳ sinh hoạt chi ủy chưa họp chuẩn bị trước",
            CheckId::ThematicQuarterly => "quý có sinh hoạt chuyên đề",
            CheckId::ProhibitedViolations => "đảng viên vi phạm",
            CheckId::NoneDisciplined => "đảng viên bị kỷ luật",
            CheckId::NoneNotCompleted => "đảng viên không hoàn thành nhiệm vụ",
            CheckId::LeadersExemplary => "đảng viên giữ chức vụ lãnh đạo xếp loại dưới mức yêu cầu",
            CheckId::PartyCellRating
            | CheckId::YearEndRating
            | CheckId::PlansConcretized
            | CheckId::AntiDegradation
            | CheckId::InspectionWork
            | CheckId::PartyBuildingWork
            | CheckId::ContentRenewed
            | CheckId::WorkRulesFollowed
            | CheckId::PrinciplesUpheld
            | CheckId::AdministrativeDiscipline
            | CheckId::IssuesResolved
            | CheckId::ExemplaryConduct => "",
        }
    }

    fn comparator(&self, c: Comparator, value: &str) -> String {
        match c {
            Comparator::Below => format!("dưới {value}"),
            Comparator::Above => format!("trên {value}"),
            Comparator::AtLeast => format!("từ {value} trở lên"),
            Comparator::AtMost => format!("không quá {value}"),
        }
    }

    fn year_rating(&self, r: YearRating) -> &'static str {
        match r {
            YearRating::Excellent => "Hoàn thành xuất sắc nhiệm vụ",
            YearRating::Good => "Hoàn thành tốt nhiệm vụ",
            YearRating::Completed => "Hoàn thành nhiệm vụ",
            YearRating::NotCompleted => "Không hoàn thành nhiệm vụ",
        }
    }

    fn meeting_rating(&self, r: MeetingRating) -> &'static str {
        match r {
            MeetingRating::Good => "Tốt",
            MeetingRating::Fair => "Khá",
            MeetingRating::Average => "Trung bình",
            MeetingRating::Poor => "Kém",
        }
    }

    fn meeting_kind(&self, k: MeetingKind) -> &'static str {
        match k {
            MeetingKind::Regular => "thường kỳ",
            MeetingKind::Thematic => "chuyên đề",
            MeetingKind::Extraordinary => "bất thường",
        }
    }

    fn meeting(&self, kind: &str, date: &str) -> String {
        format!("Kỳ sinh hoạt {kind} ngày {date}")
    }

    fn condition(&self, c: Condition) -> &'static str {
        match c {
            Condition::Attendance => "tỷ lệ đảng viên dự họp chưa đạt yêu cầu",
            Condition::UnexcusedAbsence => "có đảng viên vắng mặt không có lý do",
            Condition::LeaveRun => "đảng viên vắng có lý do quá số kỳ liên tiếp cho phép",
            Condition::Duration => "thời gian sinh hoạt dưới mức tối thiểu",
            Condition::RatedBelowGood => "xếp loại dưới mức Tốt",
            Condition::CommitteeAfterMeeting => "chi ủy họp sau kỳ sinh hoạt",
        }
    }

    fn head(&self, h: HeadRole) -> &'static str {
        match h {
            HeadRole::Secretary => "Bí thư chi bộ",
            HeadRole::Principal => "Hiệu trưởng",
        }
    }

    fn body(&self, b: Body) -> &'static str {
        match b {
            Body::GrassrootsCommittee => "Đảng ủy cơ sở",
            Body::Committee => "Chi ủy",
            Body::Cell => "Chi bộ",
            Body::DistrictCommittee => "Quận ủy, huyện ủy",
        }
    }

    fn recognized_by(&self, body: &str) -> String {
        format!("do {body} công nhận")
    }

    fn finding(&self, f: FindingId) -> &'static str {
        match f {
            FindingId::PlanAdoption => "Chi bộ thông qua kế hoạch đầu năm",
            FindingId::ProposalOrder => "Chi bộ đề xuất trước khi được công nhận",
            FindingId::RecognitionAuthority => "Đảng ủy cơ sở xét, công nhận",
            FindingId::RecognitionTiming => {
                "Công nhận trước khi xét khen thưởng chi bộ “Hoàn thành xuất sắc nhiệm vụ”"
            }
        }
    }

    fn severity(&self, s: Severity) -> &'static str {
        match s {
            Severity::Warning => "cảnh báo",
            Severity::Error => "lỗi",
        }
    }

    fn trend(&self, t: Trend) -> &'static str {
        match t {
            Trend::OnTrack => "đúng tiến độ",
            Trend::Behind => "chậm tiến độ",
        }
    }

    fn gap_more(&self, n: &str, unit: &str) -> String {
        format!("cần thêm {}", with_unit(n, unit))
    }

    fn gap_at_least(&self, needed: &str, unit: &str, n: &str) -> String {
        format!("tối thiểu {}: thêm {n}", with_unit(needed, unit))
    }

    fn gap_at_most(&self, needed: &str, unit: &str, n: &str) -> String {
        format!("tối đa {}: giảm {n}", with_unit(needed, unit))
    }

    fn gap_to_zero(&self, n: &str) -> String {
        format!("cần giảm về 0 (giảm {n})")
    }

    fn gap_points(&self, points: &str, up: bool, strict: bool) -> String {
        let verb = if up { "tăng" } else { "giảm" };
        let beyond = if strict { "hơn " } else { "" };
        format!("cần {verb} {beyond}{points} điểm phần trăm")
    }

    fn gap_any(&self, up: bool) -> String {
        let verb = if up { "tăng" } else { "giảm" };
        format!("cần {verb}, dù chỉ một ít")
    }

    fn gap_rating(&self, rating: &str) -> String {
        format!("cần xếp loại {rating}")
    }

    fn projection(
        &self,
        trend: &str,
        projected: &str,
        unit: &str,
        elapsed: &str,
        days: &str,
    ) -> String {
        format!(
            "Dự báo: {trend}; theo nhịp hiện tại, cả năm ước đạt {} (đã qua {elapsed}/{days} ngày)",
            with_unit(projected, unit)
        )
    }

    fn year_to_date(&self, held: &str, required: &str, contents: &str) -> String {
        format!(
            "Lũy kế: sinh hoạt thường kỳ {held}/{required} tháng; tháng đạt/tháng sinh hoạt: \
             {contents}"
        )
    }
}
