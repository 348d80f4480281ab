## Vùng Xanh — Vietnamese (default). Keep keys in step with en.ftl; a test checks it.

demo-label = [DEMO] Đây là bản chạy thử, dữ liệu không thật.

## Several lines kept together in one block
lines = { $lines }

## Buttons
btn-yes = Có
btn-no = Không
btn-skip = Bỏ qua
btn-keep = Giữ nguyên: { $value }

## Greeting and help
help-resident =
    Xin chào! Đây là Vùng Xanh, kênh phòng chống ma túy của khu phố.
    • /dangky — nhận thông báo của khu phố
    • /join MÃ — nhận vai trò bằng mã mời (trưởng khu phố, người giúp đỡ, cán bộ)
    • /link — liên kết tài khoản Zalo và Telegram
    • /lang en — switch to English
    • /huy — hủy thao tác đang làm
help-head =
    Xin chào trưởng { $unit }!
    • /baocao — báo cáo tháng của khu phố
    • /huy — hủy thao tác đang làm
    • /link — liên kết tài khoản Zalo và Telegram
    • /lang en — switch to English
help-mentor =
    Xin chào! Bạn là người được phân công giúp đỡ.
    • /huy — hủy thao tác đang làm
    • /link — liên kết tài khoản Zalo và Telegram
    • /lang en — switch to English
help-officer =
    Xin chào cán bộ!
    • /thongbao — gửi thông báo tới trưởng khu phố, người giúp đỡ hoặc người dân
    • /tonghop [MM/YYYY hoặc YYYY-MM] — tổng hợp báo cáo tháng
    • /invite head|mentor|officer [tên khu phố] — tạo mã mời
    • /lock YYYY-MM — khóa sổ tháng (không sửa báo cáo được nữa)
    • /huy — hủy thao tác đang làm
    • /link — liên kết tài khoản Zalo và Telegram
    • /lang en — switch to English

## The engine's own answers
cancel-done = Đã hủy. Không có gì được lưu.
cancel-nothing = Bạn không có thao tác nào đang làm.
unknown-command = Không có lệnh “{ $command }”. Gõ /trogiup để xem các lệnh.
not-understood = Tôi chưa hiểu tin nhắn này. Gõ /trogiup để xem bạn có thể làm gì.
question-expired = Câu hỏi này đã kết thúc. Gõ /trogiup để xem bạn có thể làm gì.
finish-first = Bạn đang làm dở một việc. Hãy trả lời câu hỏi dưới đây, hoặc gõ /huy để hủy rồi làm việc khác.
error-internal = Xin lỗi, hệ thống gặp lỗi khi xử lý tin nhắn của bạn. Câu trả lời trước đó vẫn được giữ; vui lòng gửi lại.
lang-set = Đã chuyển sang tiếng Việt.
lang-usage = Cách dùng: /lang vi hoặc /lang en
not-allowed = Bạn không có quyền dùng lệnh này.
expect-text = Vui lòng trả lời bằng chữ.

## Join
join-usage = Cách dùng: /join MÃ (mã mời do cán bộ công an cấp).
join-invalid = Mã mời “{ $code }” không đúng. Hãy kiểm tra lại mã, hoặc xin cán bộ một mã mới.
join-used = Mã mời này đã được dùng. Hãy xin cán bộ một mã mới.
join-done-head = Bạn đã là trưởng { $unit }. Gõ /baocao để làm báo cáo tháng.
join-done-mentor = Bạn đã là người được phân công giúp đỡ.
join-done-officer = Bạn đã là cán bộ. Gõ /tonghop để xem tổng hợp tháng.

## Numbers
err-not-a-number = Vui lòng nhập một số bằng chữ số, ví dụ: 3
err-negative = Số không được âm. Vui lòng nhập 0 hoặc lớn hơn.
err-not-whole = Vui lòng nhập số nguyên, ví dụ: 3
err-too-large = Số quá lớn. Vui lòng kiểm tra lại.
err-too-long = Nội dung quá dài (tối đa { $max } ký tự). Vui lòng viết ngắn lại.
err-yes-no = Vui lòng trả lời Có hoặc Không.

## Monthly report
field-addicts = Số người nghiện có hồ sơ quản lý
field-suspected = Số người nghi nghiện
field-newCases = Số người nghiện phát sinh mới
field-familyRehab = Số người cai nghiện tại gia đình, cộng đồng
field-compulsoryReferrals = Số hồ sơ đề nghị cai nghiện bắt buộc
field-relapses = Số người tái nghiện
field-householdsCommitted = Số hộ đã ký cam kết
field-propagandaSessions = Số buổi tuyên truyền
field-incidents = Số vụ việc liên quan ma túy
field-suspectedSpots = Số điểm nghi mua bán, sử dụng
field-notes = Kiến nghị, đề xuất

report-not-head = Chỉ trưởng khu phố mới làm báo cáo tháng. Nếu bạn là trưởng khu phố, hãy gõ /join MÃ với mã mời của cán bộ.
report-locked = Tháng { $period } đã khóa sổ, không thể gửi hoặc sửa báo cáo nữa. Hãy liên hệ cán bộ công an.
report-bad-period = Chỉ báo cáo được tháng này hoặc tháng trước, ví dụ: /baocao { $example }
report-start = Báo cáo tháng { $period } của { $unit }. Có { $count } câu hỏi; gõ /huy để dừng bất cứ lúc nào.
report-start-correction = { $unit } đã gửi báo cáo tháng { $period }. Bạn đang sửa báo cáo: bấm “Giữ nguyên” để giữ số cũ.
report-question = ({ $index }/{ $count }) { $label }?
report-question-notes = ({ $index }/{ $count }) { $label }? (không bắt buộc: gõ “bỏ qua” nếu không có)
report-question-current = Số đã báo: { $value }
rule-exceeds-addicts = { $label } ({ $value }) không thể lớn hơn số người nghiện có hồ sơ quản lý ({ $addicts }).
rule-exceeds-households = Số hộ đã ký cam kết ({ $value }) không thể lớn hơn số hộ của khu phố ({ $households }).
warn-big-change = { $label } thay đổi nhiều so với tháng trước: { $previous } → { $value }.
warn-new-cases-in-clean-unit = Khu phố đang “chưa có người nghiện” nhưng có { $value } người nghiện phát sinh mới.
warn-confirm = Bạn có chắc số này đúng không? (Có / Không)
report-summary-title = Tóm tắt báo cáo tháng { $period } — { $unit }:
report-summary-line = { $index }. { $label }: { $value }
report-summary-warnings = Lưu ý (sẽ báo cho cán bộ):
report-confirm = Gửi báo cáo này? (Có / Không)
report-pick-field = Bạn muốn sửa mục nào? Gõ số thứ tự (1–{ $count }), hoặc gõ /huy để hủy.
report-pick-field-invalid = Vui lòng gõ một số từ 1 đến { $count }.
report-saved = Đã gửi báo cáo tháng { $period } của { $unit }. Cảm ơn bạn!
report-corrected = Đã sửa báo cáo tháng { $period } của { $unit } ({ $changes } mục thay đổi). Lịch sử sửa được lưu lại.
report-unchanged = Báo cáo tháng { $period } không có gì thay đổi.
notes-none = (không có)

alert-report-warnings =
    ⚠️ { $unit } gửi báo cáo tháng { $period } có điểm cần lưu ý:
    { $warnings }
alert-report-corrected =
    ✏️ { $unit } đã sửa báo cáo tháng { $period }, các mục:
    { $fields }

## Month summary
summary-title = 📊 Tổng hợp tháng { $period }
summary-count = Đã báo cáo: { $submitted }/{ $total } khu phố.
summary-totals = Tổng cộng (so với tháng trước):
summary-total-line = • { $label }: { $value } ({ $delta })
summary-delta-none = chưa có số tháng trước
summary-missing = Chưa báo cáo: { $units }
summary-missing-none = Tất cả khu phố đã báo cáo.
summary-warnings = Cảnh báo:
summary-warning-line = • { $unit }: { $warning }
summary-locked = Tháng này đã khóa sổ.
summary-usage = Cách dùng: /tonghop hoặc /tonghop YYYY-MM

## Invites and locks
invite-usage = Cách dùng: /invite head|mentor|officer [tên khu phố]. Trưởng khu phố cần tên khu phố.
invite-unknown-unit = Không tìm thấy khu phố “{ $unit }”. Các khu phố: { $units }
invite-created = Mã mời { $role } { $unit }: { $code } — người nhận gõ /join { $code }. Mã chỉ dùng được một lần.
role-head = trưởng khu phố
role-mentor = người giúp đỡ
role-officer = cán bộ
role-resident = người dân
lock-usage = Cách dùng: /lock YYYY-MM
lock-done = Đã khóa sổ tháng { $period }. Báo cáo tháng này không sửa được nữa.
lock-already = Tháng { $period } đã khóa sổ từ trước.

## Scheduled jobs
btn-start-report = 📝 Làm báo cáo
btn-start-checkin = ✅ Xác nhận liên hệ
list-item = • { $item }
person-description = { $role } { $unit }
job-report-prompt = 📋 Đã đến kỳ báo cáo tháng { $period } của { $unit }. Bấm “Làm báo cáo” (hoặc trả lời tin này) để bắt đầu. Hạn chót: { $deadline }.
job-report-reminder = ⏰ Nhắc: { $unit } chưa gửi báo cáo tháng { $period }. Hạn chót { $deadline }; bấm “Làm báo cáo” hoặc trả lời tin này để bắt đầu.
job-report-escalation =
    🚨 Còn { $missing }/{ $total } khu phố chưa gửi báo cáo tháng { $period }:
    { $units }
job-report-escalation-none = ✅ Cả { $total } khu phố đã gửi báo cáo tháng { $period }.
job-checkin-prompt = 🤝 Tuần { $week }: bạn cần xác nhận đã liên hệ { $count } trường hợp ({ $cases }). Bấm “Xác nhận liên hệ” để bắt đầu.
job-checkin-reminder = ⏰ Nhắc: tuần { $week } bạn còn { $count } trường hợp chưa xác nhận liên hệ ({ $cases }).
job-checkin-escalation =
    🚨 Tuần { $week } có { $count } trường hợp chưa được xác nhận liên hệ:
    { $cases }
alert-unreachable =
    📵 Không nhắn được cho { $count } người (việc “{ $job }”): không có kênh nào liên lạc được. Vui lòng gọi điện:
    { $people }
alert-undeliverable =
    📵 Không gửi được tin nhắn cho { $who } qua { $channel } ({ $reason }). Vui lòng gọi điện.
reason-outside-window = người nhận đã không nhắn tin cho Zalo OA quá 48 giờ nên Zalo không cho gửi
reason-failed = gửi thất bại sau nhiều lần thử
reason-unreachable = người nhận đã chặn hoặc không còn dùng kênh này

## Announcements: /subscribe (/dangky), /unsubscribe (/huydangky), /broadcast (/thongbao)
unit-button = { $unit }
btn-all-units = Tất cả khu phố
btn-all = Tất cả
btn-audience-heads = Trưởng khu phố
btn-audience-mentors = Người giúp đỡ
btn-audience-residents = Người dân đăng ký
unit-unknown = Không tìm thấy khu phố “{ $unit }”. Các khu phố: { $units }
unit-expected = Vui lòng bấm một nút bên dưới, hoặc gõ tên khu phố.
subscribe-not-needed = Bạn là { $role }: bạn đã nhận các thông báo dành cho vai trò của mình, không cần đăng ký.
subscribe-ask-unit-buttons = Bạn muốn nhận thông báo của khu phố nào? Bấm chọn bên dưới (gõ /huy để thôi).
subscribe-ask-unit-typed = Bạn muốn nhận thông báo của khu phố nào? Gõ tên khu phố, hoặc bấm “Tất cả khu phố” (gõ /huy để thôi).
subscribe-done-unit = Đã đăng ký nhận thông báo của { $unit }. Gõ /huydangky để thôi nhận.
subscribe-done-all = Đã đăng ký nhận thông báo của tất cả khu phố. Gõ /huydangky để thôi nhận.
subscribe-unit-gone = Khu phố này không còn nữa. Gõ /dangky để chọn lại.
unsubscribe-done = Đã hủy đăng ký: bạn sẽ không nhận thông báo nữa. Gõ /dangky để đăng ký lại.
unsubscribe-not-subscribed = Bạn chưa đăng ký nhận thông báo. Gõ /dangky để đăng ký.
unsubscribe-not-needed = Bạn là { $role }: bạn nhận thông báo theo vai trò của mình, không có đăng ký nào để hủy.
audience-heads = trưởng khu phố
audience-mentors = người giúp đỡ
audience-residents = người dân đã đăng ký
audience-all-units = tất cả khu phố
broadcast-ask-audience = Gửi thông báo tới ai?
broadcast-bad-audience = Vui lòng chọn: Trưởng khu phố, Người giúp đỡ hoặc Người dân đăng ký.
broadcast-ask-unit = Gửi cho khu phố nào? Bấm “Tất cả” hoặc gõ tên khu phố.
broadcast-ask-text = Nhập nội dung thông báo (tối đa { $max } ký tự):
broadcast-nobody = Chưa có { $audience } nào ({ $unit }) để nhận thông báo. Không gửi gì.
broadcast-summary = Gửi tới { $count } người: { $audience }, { $unit }. Người nhận sẽ đọc:
broadcast-message =
    📢 Thông báo từ Công an:
    { $text }
broadcast-confirm = Gửi thông báo này? (Có / Không)
broadcast-not-sent = Đã hủy, không gửi thông báo nào.
broadcast-sent = Đã gửi thông báo: { $queued } người sẽ nhận; { $unreachable } người không có kênh nào liên lạc được.
broadcast-unit-gone = Khu phố này không còn nữa. Không gửi gì.

## Linking Zalo and Telegram
link-code = Mã liên kết: { $code }. Trong { $minutes } phút, mở Vùng Xanh trên ứng dụng còn lại (Zalo hoặc Telegram) và gửi: /link { $code }
link-done = Đã liên kết hai ứng dụng. Tin nhắc việc sẽ đến ứng dụng bạn dùng gần nhất.
link-invalid = Mã liên kết “{ $code }” không đúng hoặc đã dùng. Gửi /link trên ứng dụng kia để lấy mã mới.
link-expired = Mã liên kết đã hết hạn. Gửi /link trên ứng dụng kia để lấy mã mới.
link-same = Mã này là của chính tài khoản này. Hãy gửi nó trên ứng dụng còn lại.
link-conflict = Không liên kết được: hai tài khoản đang có vai trò khác nhau. Hãy liên hệ cán bộ.
