/**
 * How people really answer, and what each answer must be understood as (issue 12). Written from
 * the audit's refused phrasings and the ways heads of 50–70 type on a phone: no diacritics,
 * number words, particles ("dạ", "ạ"), emoji, the noun after the number.
 */

/** [what was typed, the count meant] */
export const COUNTS: [string, number][] = [
  // digits, with and without the noun, particles, punctuation, full-width
  ["0", 0], ["1", 1], ["2", 2], ["3", 3], ["12", 12], ["12.", 12], ["12!", 12], [" 12 ", 12], ["１２", 12], ["３", 3],
  ["12 nguoi", 12], ["12 người", 12], ["12 ng", 12], ["12ng", 12], ["2 nguoi nghien", 2], ["2 người nghiện", 2],
  ["10 nguoi co ho so", 10], ["10 người có hồ sơ", 10], ["0 nguoi", 0], ["0 người", 0], ["3 hộ", 3], ["3 ho", 3],
  ["5 vụ", 5], ["5 vu", 5], ["2 điểm", 2], ["2 diem", 2], ["4 buổi", 4], ["4 buoi", 4], ["1 trường hợp", 1],
  ["dạ 12", 12], ["da 12", 12], ["12 ạ", 12], ["12 a", 12], ["dạ 12 ạ", 12], ["da 12 a", 12], ["có 12 người", 12],
  ["co 12 nguoi", 12], ["có 3 người ạ", 3], ["dạ có 3 người", 3], ["12 người nhé", 12], ["12 nha", 12],
  ["khoang 3", 3], ["khoảng 3", 3], ["tầm 5", 5], ["tam 5", 5], ["chừng 2", 2], ["khoảng 3 người", 3],
  ["1.200", 1200], ["1 200", 1200], ["150", 150], ["180 hộ", 180], ["Số người: 4", 4], ["4 người ạ.", 4],
  ["12 nguoi nghien co ho so quan ly", 12], ["tháng này có 2 vụ", 2], ["thang nay 2 vu", 2], ["em báo 6 người", 6],
  ["Bác ghi 7", 7], ["7 người bác ạ", 7], ["8 hộ gia đình", 8], ["9 buổi tuyên truyền", 9], ["11 hộ đã ký", 11],
  // zero said as "none"
  ["khong", 0], ["không", 0], ["ko", 0], ["k", 0], ["ko co", 0], ["k co", 0], ["khong co", 0], ["không có", 0],
  ["khong co ai", 0], ["không có ai", 0], ["chua co", 0], ["chưa có", 0], ["chua", 0], ["chưa", 0], ["chưa có ai", 0],
  ["không có ạ", 0], ["Không có ạ.", 0], ["dạ không có", 0], ["da khong co", 0], ["không có ai ạ", 0], ["ko có ai", 0],
  ["hết", 0], ["het", 0], ["không còn ai", 0], ["khong con", 0], ["chẳng có ai", 0], ["khong co nguoi nghien", 0],
  ["không có người nghiện", 0], ["chưa có trường hợp nào", 0], ["chua co truong hop nao", 0], ["không có vụ nào", 0],
  ["khong co diem nao", 0], ["chưa có buổi nào", 0], ["không có hộ nào", 0], ["o", 0], ["O", 0], ["khg", 0],
  ["hok co", 0], ["hong co", 0], ["kh co", 0], ["không ạ", 0], ["dạ không ạ", 0], ["0 người ạ", 0], ["không có gì", 0],
  ["👎", 0], ["❌", 0],
  // number words, with and without diacritics
  ["không", 0], ["một", 1], ["mot", 1], ["hai", 2], ["ba", 3], ["bốn", 4], ["bon", 4], ["tư", 4], ["năm", 5], ["nam", 5],
  ["lăm", 5], ["sáu", 6], ["sau", 6], ["bảy", 7], ["bay", 7], ["tám", 8], ["tam", 8], ["chín", 9], ["chin", 9],
  ["mười", 10], ["muoi", 10], ["mười một", 11], ["muoi mot", 11], ["mười hai", 12], ["muoi hai", 12], ["Mười Hai", 12],
  ["mười ba", 13], ["muoi ba", 13], ["mười bốn", 14], ["mười tư", 14], ["mười lăm", 15], ["muoi lam", 15], ["mười năm", 15],
  ["mười sáu", 16], ["mười bảy", 17], ["mười tám", 18], ["mười chín", 19], ["hai mươi", 20], ["hai muoi", 20],
  ["hai mươi mốt", 21], ["hai muoi mot", 21], ["hai mươi một", 21], ["hai mươi hai", 22], ["hai mươi tư", 24],
  ["hai mươi bốn", 24], ["hai mươi lăm", 25], ["hai muoi lam", 25], ["hai mươi nhăm", 25], ["ba mươi", 30],
  ["ba mươi tư", 34], ["ba muoi tu", 34], ["bốn mươi lăm", 45], ["năm mươi", 50], ["nam muoi", 50], ["sáu mươi chín", 69],
  ["bảy mươi", 70], ["tám mươi", 80], ["tam muoi", 80], ["chín mươi chín", 99], ["một trăm", 100], ["mot tram", 100],
  ["trăm", 100], ["một trăm linh năm", 105], ["mot tram linh nam", 105], ["một trăm lẻ năm", 105], ["một trăm linh một", 101],
  ["một trăm hai", 120], ["một trăm hai mươi", 120], ["một trăm năm mươi", 150], ["hai trăm", 200], ["hai trăm năm", 250],
  ["hai trăm năm mươi", 250], ["ba trăm linh tư", 304], ["chín trăm chín mươi chín", 999], ["một nghìn", 1000],
  ["mot nghin", 1000], ["một ngàn", 1000], ["nghìn", 1000], ["hai nghìn", 2000], ["hai nghìn không trăm năm mươi", 2050],
  ["mười hai người", 12], ["muoi hai nguoi", 12], ["dạ mười hai người ạ", 12], ["hai người", 2], ["hai nguoi nghien", 2],
  ["ba hộ", 3], ["có ba người", 3], ["co ba nguoi", 3], ["tạm ba người", 3], ["khoảng năm người", 5], ["chừng hai vụ", 2],
  ["ba mươi hộ", 30], ["một người", 1], ["mot nguoi", 1], ["năm buổi", 5], ["sáu người ạ", 6], ["bảy người nhé", 7],
  // digits win over words
  ["12 (mười hai)", 12], ["3 ba người", 3], ["hai 2", 2], ["năm 5 người", 5],
];

/** [what was typed, the count to ask back about ("Ý bác là N phải không?")] */
export const COUNTS_TO_CONFIRM: [string, number][] = [
  ["hơn 3", 3], ["hon 3", 3], ["trên 10", 10], ["tren 10", 10], ["dưới 5", 5], ["gần 20", 20], ["gan 20", 20],
  ["hơn ba người", 3], ["xấp xỉ 7", 7], ["ngoài 4 người", 4],
];

/** [what was typed, why it is refused] — never guessed */
export const COUNTS_REFUSED: [string, string][] = [
  ["2-3", "range"], ["2 - 3", "range"], ["2–3", "range"], ["3-4 người", "range"], ["10-15", "range"],
  ["vài người", "vague"], ["vai nguoi", "vague"], ["vài", "vague"], ["nhiều", "vague"], ["nhieu", "vague"], ["rất nhiều", "vague"],
  ["mấy người", "vague"], ["may nguoi", "vague"], ["một số người", "vague"], ["mot so", "vague"], ["ít", "vague"], ["khá đông", "vague"],
  ["lác đác", "vague"], ["-1", "negative"], ["- 2", "negative"], ["-5 người", "negative"], ["1,5", "not-whole"], ["1.5", "not-whole"],
  ["2,5 người", "not-whole"], ["0.5", "not-whole"], ["12 13", "two-numbers"], ["12 hay 13", "two-numbers"], ["mot hai", "two-numbers"],
  ["một hai", "two-numbers"], ["3 hoặc 4", "two-numbers"], ["ba bốn người", "two-numbers"], ["abc", "not-a-number"],
  ["không biết", "not-a-number"], ["chưa rõ lắm", "not-a-number"], ["để hỏi lại", "not-a-number"], ["?", "not-a-number"],
  ["", "not-a-number"], ["xin chào", "not-a-number"], ["999999999999", "too-large"], ["10000000", "too-large"], ["🙂", "not-a-number"],
];

export const YES: string[] = [
  "có", "co", "Có", "CO", "có ạ", "co a", "dạ", "da", "dạ có", "da co", "vâng", "vang", "vâng ạ", "vang a", "ok", "OK", "oke",
  "okie", "okela", "okay", "oki", "uh", "ừ", "u", "uhm", "yes", "y", "gửi", "gui", "gửi đi", "gui di", "gửi luôn", "gui luon",
  "có gửi", "đúng", "dung", "đúng rồi", "dung roi", "đúng vậy", "chính xác", "chinh xac", "chuẩn", "được", "duoc", "dc", "đc",
  "được rồi", "đồng ý", "dong y", "xác nhận", "xac nhan", "👍", "👌", "✅", "có ạ.", "Dạ vâng", "dạ được", "ok gửi", "ok nhé",
  "đúng rồi ạ", "Dạ đúng rồi", "gửi nhé", "phải", "phải rồi", "ok rồi", "xong rồi", "dạ gửi đi", "vâng gửi luôn ạ", "dạ đồng ý",
];

/** [what was typed, whether it asks to correct something] */
export const NO: [string, boolean][] = [
  ["không", false], ["khong", false], ["ko", false], ["k", false], ["no", false], ["n", false], ["không ạ", false], ["khong a", false],
  ["dạ không", false], ["da khong", false], ["không gửi", false], ["khong gui", false], ["chưa gửi", false], ["thôi", false],
  ["thoi", false], ["thôi không", false], ["sai", false], ["sai rồi", false], ["chưa", false], ["chưa đúng", false],
  ["không đúng", false], ["không phải", false], ["để sau", false], ["khoan", false], ["👎", false], ["❌", false], ["hok", false],
  ["sửa", true], ["sua", true], ["sửa lại", true], ["sua lai", true], ["cần sửa", true], ["muốn sửa", true], ["sửa mục 8", true],
  ["sua so 3", true], ["chỉnh sửa", true], ["thay đổi", true],
];

/** Neither yes nor no: asked again, never guessed. */
export const YES_NO_UNCLEAR: string[] = ["abc", "12", "có lẽ", "không biết", "để xem", "hmm", "🙂", "có không", "xin chào", "?"];

export const TIP_CATEGORY_ANSWERS: [string, string | "ambiguous" | "none"][] = [
  ["1", "dealing"], ["2", "using"], ["3", "spot"], ["4", "person"], ["5", "other"], ["số 1", "dealing"], ["so 2", "using"],
  ["mục 3", "spot"], ["muc 4", "person"], ["một", "dealing"], ["hai", "using"], ["mua bán", "dealing"], ["mua ban", "dealing"],
  ["ban ma tuy", "dealing"], ["bán ma túy", "dealing"], ["buon ban", "dealing"], ["nghien", "using"], ["nghiện", "using"],
  ["hut chich", "using"], ["hút chích", "using"], ["su dung", "using"], ["tu tap", "using"], ["tụ tập", "using"],
  ["diem nghi", "spot"], ["điểm nghi", "spot"], ["doi tuong", "person"], ["đối tượng khả nghi", "person"], ["khac", "other"],
  ["khác", "other"], ["mua bna", "dealing"], ["su dng", "using"], ["ma tuy", "ambiguous"], ["6", "none"], ["xin chào", "none"],
];

export const TIP_IDENTITY_ANSWERS: [string, string | "ambiguous" | "none"][] = [
  ["1", "anonymous"], ["2", "named"], ["giau ten", "anonymous"], ["giấu tên", "anonymous"], ["an danh", "anonymous"],
  ["ẩn danh", "anonymous"], ["ko de ten", "anonymous"], ["không để tên", "anonymous"], ["giu kin", "anonymous"],
  ["de lai ten", "named"], ["để lại tên", "named"], ["co ten", "named"], ["ghi ten", "named"], ["de ten", "named"],
];

export const CHECKIN_CONTACT = [
  { value: "yes", says: ["Đã liên hệ", "liên hệ được", "có liên hệ", "gặp rồi", "rồi", "được", "có", "đã gặp"] },
  { value: "no", says: ["Chưa liên hệ được", "không liên hệ được", "chưa gặp", "không gặp", "chưa", "không"] },
];
export const CHECKIN_CONTACT_ANSWERS: [string, string | "ambiguous" | "none"][] = [
  ["roi", "yes"], ["rồi", "yes"], ["duoc", "yes"], ["được", "yes"], ["lien he duoc", "yes"], ["liên hệ được", "yes"],
  ["co lien he", "yes"], ["gap roi", "yes"], ["gặp rồi", "yes"], ["da lien he", "yes"], ["co", "yes"], ["chua", "no"],
  ["chưa gặp", "no"], ["khong lien he duoc", "no"], ["không gặp", "no"], ["1", "yes"], ["2", "no"],
];

export const CHECKIN_METHOD = [
  { value: "in_person", says: ["Gặp trực tiếp", "gặp", "trực tiếp", "gặp mặt", "đến gặp"] },
  { value: "phone", says: ["Điện thoại", "gọi điện", "gọi", "zalo", "nhắn tin", "nhắn", "tin nhắn", "phone"] },
  { value: "family_visit", says: ["Thăm gia đình", "đến nhà", "tới nhà", "thăm nhà", "qua nhà", "gặp gia đình"] },
];
export const CHECKIN_METHOD_ANSWERS: [string, string | "ambiguous" | "none"][] = [
  ["zalo", "phone"], ["nhan tin", "phone"], ["nhắn tin", "phone"], ["goi dien", "phone"], ["gọi điện", "phone"],
  ["den nha", "family_visit"], ["đến nhà", "family_visit"], ["tham gia dinh", "family_visit"], ["gap truc tiep", "in_person"],
  ["gặp mặt", "in_person"], ["truc tiep", "in_person"], ["1", "in_person"], ["2", "phone"], ["3", "family_visit"],
  ["dien thoai", "phone"], ["điện thoại", "phone"],
];

export const CHECKIN_STATE = [
  { value: "stable", says: ["Ổn định", "ổn", "bình thường", "tốt", "vẫn ổn", "khỏe", "ổn định"] },
  { value: "worrying", says: ["Có dấu hiệu đáng lo", "đáng lo", "lo", "có dấu hiệu", "không ổn"] },
  { value: "suspected_relapse", says: ["Nghi tái nghiện", "tái nghiện", "tái sử dụng", "nghi tái"] },
  { value: "unreachable", says: ["Không liên lạc được", "mất liên lạc", "không gặp được"] },
];
export const CHECKIN_STATE_ANSWERS: [string, string | "ambiguous" | "none"][] = [
  ["on", "stable"], ["ổn", "stable"], ["binh thuong", "stable"], ["bình thường", "stable"], ["tot", "stable"], ["tốt", "stable"],
  ["van on", "stable"], ["vẫn ổn", "stable"], ["on dinh", "stable"], ["dang lo", "worrying"], ["co dau hieu", "worrying"],
  ["tai nghien", "suspected_relapse"], ["nghi tái nghiện", "suspected_relapse"], ["mat lien lac", "unreachable"], ["1", "stable"],
  ["3", "suspected_relapse"], ["ôn định", "stable"],
];

export const AUDIENCES = [
  { value: "heads", says: ["Trưởng khu phố", "trưởng", "các trưởng", "trưởng thôn"] },
  { value: "mentors", says: ["Người giúp đỡ", "giúp đỡ", "người giúp"] },
  { value: "residents", says: ["Người dân đăng ký", "người dân", "dân", "bà con"] },
  { value: "everyone", says: ["Tất cả", "tất cả mọi người", "mọi người", "cả", "hết", "công an", "all"] },
];
export const AUDIENCE_ANSWERS: [string, string | "ambiguous" | "none"][] = [
  ["tat ca", "everyone"], ["tất cả", "everyone"], ["moi nguoi", "everyone"], ["cong an", "everyone"], ["truong khu pho", "heads"],
  ["nguoi dan", "residents"], ["ba con", "residents"], ["nguoi giup do", "mentors"], ["1", "heads"], ["4", "everyone"],
];

export const REPORT_FIELD_ANSWERS: [string, string | "ambiguous" | "none"][] = [
  ["8", "propagandaSessions"], ["muc 8", "propagandaSessions"], ["mục 8", "propagandaSessions"], ["so 8", "propagandaSessions"],
  ["số 8", "propagandaSessions"], ["cau 8", "propagandaSessions"], ["câu 8", "propagandaSessions"], ["tám", "propagandaSessions"],
  ["tam", "propagandaSessions"], ["sửa mục 8", "propagandaSessions"], ["sua muc 8", "propagandaSessions"], ["1", "addicts"],
  ["mục 1", "addicts"], ["một", "addicts"], ["11", "notes"], ["mười một", "notes"], ["tuyen truyen", "propagandaSessions"],
  ["tuyên truyền", "propagandaSessions"], ["tai nghien", "relapses"], ["tái nghiện", "relapses"], ["cam ket", "householdsCommitted"],
  ["kien nghi", "notes"], ["vu viec", "incidents"], ["diem nghi", "suspectedSpots"], ["nghi nghien", "suspected"],
  ["phat sinh moi", "newCases"], ["bat buoc", "compulsoryReferrals"], ["12", "none"], ["mục 0", "none"],
];

/** [typed without a slash, the command meant] */
export const COMMANDS: [string, string | null][] = [
  ["bao cao", "report"], ["báo cáo", "report"], ["Báo cáo", "report"], ["baocao", "report"], ["/báo cáo", "report"], ["/bao cao", "report"],
  ["toi muon bao cao", "report"], ["tôi muốn báo cáo", "report"], ["em muốn báo cáo ạ", "report"], ["lam bao cao", "report"],
  ["làm báo cáo", "report"], ["bc", "report"], ["báo cáo tháng", "report"], ["xac nhan", "checkin"], ["xác nhận", "checkin"],
  ["xác nhận liên hệ", "checkin"], ["to bao", "tip"], ["tố báo", "tip"], ["tố giác", "tip"], ["to giac", "tip"], ["báo tin", "tip"],
  ["gui tin bao", "tip"], ["tôi muốn tố giác", "tip"], ["giup do", "help"], ["giúp đỡ", "help"], ["trợ giúp", "help"], ["tro giup", "help"],
  ["huy", "cancel"], ["hủy", "cancel"], ["huỷ", "cancel"], ["thoát", "cancel"], ["tong hop", "summary"], ["tổng hợp", "summary"],
  ["tin bao", "tips"], ["tin báo", "tips"], ["tham gia", "join"], ["ngôn ngữ", "lang"], ["dang ky", "subscribe"], ["đăng ký", "subscribe"],
  ["xin chào", null], ["bao cao xong roi", null], ["12", null], ["khong", null], ["có", null], ["hôm nay trời đẹp", null],
];

/** [typed, the day meant (today is 2026-11-28), or "none" / "refuse"] */
export const DATES: [string, string][] = [
  ["28/11", "2026-11-28"], ["28/11/2026", "2026-11-28"], ["28-11-2026", "2026-11-28"], ["2026-11-28", "2026-11-28"],
  ["ngày 28 tháng 11", "2026-11-28"], ["ngay 28 thang 11", "2026-11-28"], ["28 thang 11", "2026-11-28"], ["hôm nay", "2026-11-28"],
  ["hom nay", "2026-11-28"], ["hôm qua", "2026-11-27"], ["hom qua", "2026-11-27"], ["hôm kia", "2026-11-26"], ["1/12", "2025-12-01"],
  ["5/1", "2026-01-05"], ["05/01/26", "2026-01-05"], ["khong", "none"], ["không", "none"], ["chua biet", "none"], ["chưa biết", "none"],
  ["không rõ", "none"], ["khong nho", "none"], ["31/2", "refuse"], ["abc", "refuse"], ["32/1", "refuse"], ["dạ hôm qua ạ", "2026-11-27"],
];
