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
help =
    { $hello }
    { $lines }
help-hello-resident = Xin chào! Đây là Vùng Xanh, kênh phòng chống ma túy của khu phố.
help-hello-head = Xin chào trưởng { $unit }!
help-hello-mentor = Xin chào! Bạn là người được phân công giúp đỡ.
help-hello-officer = Xin chào cán bộ!
help-line-tip = • /tobao — gửi tin báo về ma túy (ẩn danh)
help-line-tips = • /tinbao — tin báo đang mở; /tobao MÃ — xem một tin báo
help-line-broadcast = • /thongbao — gửi thông báo tới trưởng khu phố, người giúp đỡ hoặc người dân
help-line-summary = • /tonghop [tháng, ví dụ 11/2026] — tổng hợp báo cáo tháng; /tonghop TÊN KHU PHỐ [tháng] — số liệu tháng của một khu phố
help-line-invite = • /moi trưởng TÊN KHU PHỐ, /moi giúp đỡ, /moi công an — tạo mã mời
help-line-people = • /nguoi [tên khu phố] — ai giữ vai trò (đánh số); /boquyen [tên khu phố] SỐ — bỏ một vai trò
help-line-lock = • /khoaso THÁNG/NĂM — khóa sổ tháng đã qua (không sửa báo cáo được nữa); /mokhoa THÁNG/NĂM LÝ DO — mở lại
help-line-units = • /donvi [tên khu phố] — xem, đổi tên, số hộ, phân loại, ngừng theo dõi một khu phố
help-line-cases = • /hoso — các trường hợp giúp đỡ tuần này: chưa xác nhận, quá hạn, cần chú ý
help-line-case = • /xemca MÃ — xem một trường hợp; /trangthaica — đổi trạng thái
help-line-newcase = • /moca — mở hồ sơ giúp đỡ mới; /moigiupdo MÃ — mã mời người giúp đỡ
help-line-report = • /baocao — báo cáo tháng của khu phố
help-line-checkin = • /xacnhan — xác nhận liên hệ hằng tuần với các trường hợp bạn giúp đỡ
help-line-subscribe = • /dangky — nhận thông báo của khu phố
help-line-join = • /join MÃ — nhận vai trò bằng mã mời (trưởng khu phố, người giúp đỡ, cán bộ)
help-line-link = • /link — liên kết tài khoản Zalo và Telegram
help-line-web = • /web (/trangweb) — đường dẫn đăng nhập trang quản lý trên máy tính, điện thoại (dùng một lần, 10 phút)
help-line-cancel = • /huy — hủy thao tác đang làm
help-line-lang = • /lang en — switch to English
help-resident =
    Xin chào! Đây là Vùng Xanh, kênh phòng chống ma túy của khu phố.
    • /tobao — gửi tin báo về ma túy (ẩn danh)
    • /dangky — nhận thông báo của khu phố
    • /join MÃ — nhận vai trò bằng mã mời (trưởng khu phố, người giúp đỡ, cán bộ)
    • /link — liên kết tài khoản Zalo và Telegram
    • /lang en — switch to English
    • /huy — hủy thao tác đang làm
help-head =
    Xin chào trưởng { $unit }!
    • /tobao — gửi tin báo về ma túy (ẩn danh)
    • /baocao — báo cáo tháng của khu phố
    • /camket — ghi hộ ký cam kết; /camket xem — xem sổ cam kết
    • /huy — hủy thao tác đang làm
    • /link — liên kết tài khoản Zalo và Telegram
    • /lang en — switch to English
help-mentor =
    Xin chào! Bạn là người được phân công giúp đỡ.
    • /tobao — gửi tin báo về ma túy (ẩn danh)
    • /xacnhan — xác nhận liên hệ hằng tuần với các trường hợp bạn giúp đỡ
    • /huy — hủy thao tác đang làm
    • /link — liên kết tài khoản Zalo và Telegram
    • /lang en — switch to English
help-officer =
    Xin chào cán bộ!
    • /tinbao — tin báo đang mở; /tobao MÃ — xem một tin báo
    • /thongbao — gửi thông báo tới trưởng khu phố, người giúp đỡ hoặc người dân
    • /tonghop [tháng, ví dụ 11/2026] — tổng hợp báo cáo tháng
    • /moi trưởng TÊN KHU PHỐ, /moi giúp đỡ, /moi công an — tạo mã mời
    • /nguoi [tên khu phố] — ai giữ vai trò (đánh số); /boquyen [tên khu phố] SỐ — bỏ một vai trò
    • /tonghop TÊN KHU PHỐ [tháng, ví dụ 11/2026] — số liệu tháng của một khu phố
    • /camket — ghi hộ ký cam kết cho một khu phố; /camket xem — số hộ đã ký của từng khu phố
    • /khoaso THÁNG/NĂM — khóa sổ tháng đã qua (không sửa báo cáo được nữa); /mokhoa THÁNG/NĂM LÝ DO — mở lại
    • /donvi [tên khu phố] — xem, đổi tên, số hộ, phân loại, ngừng theo dõi một khu phố
    • /hoso — các trường hợp giúp đỡ tuần này: chưa xác nhận, quá hạn, cần chú ý
    • /xemca MÃ — xem một trường hợp; /trangthaica — đổi trạng thái
    • /moca — mở hồ sơ giúp đỡ mới; /moigiupdo MÃ — mã mời người giúp đỡ
    • /huy — hủy thao tác đang làm
    • /link — liên kết tài khoản Zalo và Telegram
    • /lang en — switch to English

## The engine's own answers
cancel-done = Đã hủy. Không có gì được lưu.
cancel-nothing = Bạn không có thao tác nào đang làm.
unknown-command = Không có lệnh “{ $command }”. Gõ /trogiup để xem các lệnh.
not-understood = Tôi chưa hiểu tin nhắn này. Bạn có thể bấm một nút dưới đây, hoặc gõ /trogiup để xem bạn có thể làm gì.
question-expired = Câu hỏi này đã kết thúc. Gõ /trogiup để xem bạn có thể làm gì.
conversation-restarted = Hệ thống vừa được cập nhật nên câu hỏi đang dở đã kết thúc; những gì bạn đã trả lời chưa được lưu. Vui lòng bắt đầu lại (ví dụ gõ /baocao), xin lỗi vì sự bất tiện.
not-understood-media = Tôi chỉ đọc được chữ và nút bấm (chưa nghe được tin nhắn thoại hay nhãn dán). Bạn vui lòng bấm một nút, hoặc gõ chữ.
choice-ambiguous =
    Ý bạn là mục nào?
    { $options }
    Bạn bấm một nút dưới đây nhé.
finish-first = Bạn đang làm dở một việc. Hãy trả lời câu hỏi dưới đây, hoặc gõ /huy để hủy rồi làm việc khác.
error-internal = Xin lỗi, hệ thống gặp lỗi khi xử lý tin nhắn của bạn. Câu trả lời trước đó vẫn được giữ; vui lòng gửi lại.
lang-set = Đã chuyển sang tiếng Việt.
lang-usage = Cách dùng: /lang vi hoặc /lang en
not-allowed = Bạn không có quyền dùng lệnh này.
expect-text = Vui lòng trả lời bằng chữ.
expect-text-not-media = Tôi chưa nghe được tin nhắn thoại hay xem được nhãn dán. Bạn vui lòng bấm nút hoặc gõ chữ nhé.
err-count-not-a-number = Bạn gõ một số nhé, ví dụ: 3 (hoặc “ba”). Không có thì gõ 0.
err-count-negative = Số không được âm. Không có thì gõ 0.
err-count-not-whole = Bạn gõ số nguyên nhé, ví dụ: 3.
err-count-too-large = Số này lớn quá. Bạn kiểm tra lại giúp, ví dụ: 12.
err-count-range = Bạn gõ một số thôi nhé (không gõ khoảng), ví dụ: 3.
err-count-vague = Bạn gõ số cụ thể nhé, ví dụ: 3. Không có thì gõ 0.
err-count-two-numbers = Bạn gõ một số thôi nhé, ví dụ: 12.
count-confirm = Ý bạn là { $value } phải không?

## Join
join-usage = Cách dùng: /join MÃ (mã mời do cán bộ công an cấp).
join-invalid = Mã mời “{ $code }” không đúng. Hãy kiểm tra lại mã, hoặc xin cán bộ một mã mới.
join-used = Mã mời này đã được dùng. Hãy xin cán bộ một mã mới.
join-expired = Mã mời này đã hết hạn. Hãy xin cán bộ một mã mới.
code-wait = Bạn đã nhập sai mã quá nhiều lần. Vui lòng thử lại sau { $minutes } phút.
join-done-head = Bạn đã là trưởng { $unit }. Gõ /baocao để làm báo cáo tháng.
join-done-mentor = Bạn đã là người được phân công giúp đỡ.
join-roles-now =
    Bạn đang giữ các vai trò:
    { $roles }
join-already-head = Bạn đã là người báo cáo cho { $unit } rồi: mã mời này chưa được dùng, hãy trả lại cán bộ.
join-already-mentor = Bạn đã là người được phân công giúp đỡ rồi: mã mời này chưa được dùng, hãy trả lại cán bộ.
join-already-officer = Bạn đã là cán bộ rồi: mã mời này chưa được dùng, hãy trả lại cán bộ.
join-confirm-head =
    Mã này cho bạn báo cáo cho { $unit }.{ $reporters ->
        [0] {""}
       *[other] { " " }{ $unit } đã có { $reporters } người báo cáo; họ vẫn báo cáo được, và mỗi tháng vẫn chỉ một báo cáo.
    }{ $own ->
        [0] {""}
       *[other] { " " }Bạn vẫn báo cáo cho { $units }.
    }
    Nhận thêm vai trò này? Bấm “Có”, hoặc gõ /join { $code } có
join-confirm-no = Đã hủy: mã mời chưa được dùng.
grant-head = trưởng (người báo cáo) { $unit }
grant-mentor = người giúp đỡ
grant-officer = cán bộ
report-pick-unit = Bạn báo cáo cho khu phố nào? Bấm một nút hoặc gõ tên khu phố.
report-pick-unit-invalid = Chưa rõ khu phố nào. Bấm một nút hoặc gõ một trong: { $units }
people-list =
    Những người giữ vai trò ở { $unit } (bỏ một vai trò: /boquyen { $unit } SỐ):
    { $lines }
people-list-officers =
    Các cán bộ (bỏ một vai trò: /boquyen SỐ; xem một khu phố: /nguoi TÊN KHU PHỐ):
    { $lines }
people-line = { $n }. { $role } { $unit } — người #{ $id }, qua { $channels }
people-none = Chưa ai giữ vai trò ở { $unit }.
people-unit-unknown = Không thấy khu phố “{ $unit }”. Gõ /nguoi TÊN KHU PHỐ, hoặc /nguoi để xem các cán bộ.
roles-remove-usage = Cách dùng: /boquyen TÊN KHU PHỐ SỐ — số trong danh sách /nguoi TÊN KHU PHỐ (cán bộ: /boquyen SỐ theo /nguoi).
roles-remove-bad-number = Không có số { $n } trong danh sách (có { $count } dòng). Gõ /nguoi để xem lại.
roles-removed = Đã bỏ vai trò { $what } của người { $who }. Các vai trò khác của họ vẫn giữ.
roles-remove-gone = Người { $who } không còn giữ vai trò { $what }.
roles-remove-last-officer = Không bỏ được: đây là cán bộ cuối cùng.
join-done-officer = Bạn đã là cán bộ. Gõ /tonghop để xem tổng hợp tháng.

## Numbers
err-not-a-number = Vui lòng nhập một số bằng chữ số, ví dụ: 3
err-negative = Số không được âm. Vui lòng nhập 0 hoặc lớn hơn.
err-not-whole = Vui lòng nhập số nguyên, ví dụ: 3
err-too-large = Số quá lớn. Vui lòng kiểm tra lại.
err-too-long = Nội dung quá dài (tối đa { $max } ký tự). Vui lòng viết ngắn lại.
err-yes-no = Bạn gõ “có” hoặc “không” (hoặc bấm nút).

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
report-unit-retired = { $unit } đã ngừng theo dõi từ tháng { $period }: không cần báo cáo nữa. Nếu có nhầm lẫn, hãy liên hệ cán bộ công an.
report-locked = Tháng { $period } đã khóa sổ, không thể gửi hoặc sửa báo cáo nữa. Hãy liên hệ cán bộ công an.
report-bad-period = Chỉ báo cáo được tháng này hoặc tháng trước, ví dụ: /baocao { $example }
report-start = Báo cáo tháng { $period } của { $unit }. Có { $count } câu hỏi; gõ /huy để dừng bất cứ lúc nào.
report-start-correction = { $unit } đã gửi báo cáo tháng { $period }. Đây là báo cáo đã gửi: gõ số mục cần sửa (ví dụ: 8), hoặc “có” nếu không sửa gì.
report-question = ({ $index }/{ $count }) { $label }?
report-question-notes = ({ $index }/{ $count }) { $label }? (không bắt buộc: gõ “bỏ qua” nếu không có)
report-question-current = Số đã báo: { $value }
report-question-suggested = Gợi ý { $source }: { $value }
rule-exceeds-addicts = { $label } ({ $value }) không thể lớn hơn số người nghiện có hồ sơ quản lý ({ $addicts }).
rule-exceeds-households = Số hộ đã ký cam kết ({ $value }) không thể lớn hơn số hộ của khu phố ({ $households }).
warn-big-change = { $label } thay đổi nhiều so với tháng trước: { $previous } → { $value }.
warn-new-cases-in-clean-unit = Khu phố đang “chưa có người nghiện” nhưng có { $value } người nghiện phát sinh mới.
warn-confirm = Bạn có chắc số này đúng không? (Có / Không)
report-summary-title = Tóm tắt báo cáo tháng { $period } — { $unit }:
report-summary-line = { $index }. { $label }: { $value }
report-summary-warnings = Lưu ý (sẽ báo cho cán bộ):
report-confirm = Gửi báo cáo này? Gõ “có” để gửi, hoặc số mục cần sửa (ví dụ: 8).
report-confirm-unclear = Bạn gõ “có” để gửi, hoặc số mục cần sửa (1–{ $count }), ví dụ: 8.
report-pick-field = Bạn muốn sửa mục nào? Gõ số mục (1–{ $count }) hoặc tên mục, ví dụ: 8 hoặc “tuyên truyền”.
report-pick-field-invalid = Mình chưa rõ mục nào. Bạn gõ số từ 1 đến { $count }, ví dụ: 8.
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
summary-missing = Chưa báo cáo ({ $count }): { $units }{ $more ->
        [0] {""}
       *[other] {" "}và { $more } khu phố khác
    }.
summary-no-head = Chưa có trưởng khu phố nên không ai báo cáo ({ $count }): { $units }{ $more ->
        [0] {""}
       *[other] {" "}và { $more } khu phố khác
    }. Tạo mã mời: /moi truong TÊN KHU PHỐ
summary-warnings-more = … và { $more } cảnh báo khác (xem từng khu phố: /tonghop TÊN KHU PHỐ).
summary-unit-hint = Xem một khu phố: /tonghop TÊN KHU PHỐ [tháng, ví dụ 11/2026]
summary-unit-title = 📊 { $unit } — tháng { $period }
summary-unit-info = Phân loại: { $class }; { $households } hộ.
summary-unit-retired = Đã ngừng theo dõi từ tháng { $period }.
summary-unit-missing = Chưa báo cáo tháng này.
summary-unit-no-head = Chưa báo cáo: khu phố chưa có trưởng khu phố (tạo mã mời bằng /moi truong TÊN KHU PHỐ).
summary-unit-sent = Đã báo cáo lúc { $at } (so với tháng trước):
summary-unit-notes = • Kiến nghị, đề xuất: { $notes }
summary-unknown-unit = Không tìm thấy khu phố “{ $unit }”.
summary-missing-none = Tất cả khu phố đã báo cáo.
summary-warnings = Cảnh báo:
summary-warning-line = • { $unit }: { $warning }
summary-locked = Tháng này đã khóa sổ.
summary-usage = Cách dùng: /tonghop hoặc /tonghop 11/2026 (cả thị trấn), /tonghop TÊN KHU PHỐ [11/2026] (một khu phố)

## Invites and locks
invite-usage = Cách dùng: /moi trưởng TÊN KHU PHỐ, /moi giúp đỡ, hoặc /moi công an. Mã cho trưởng khu phố cần tên khu phố, ví dụ: /moi trưởng Lê Lai.
invite-unknown-unit = Không tìm thấy khu phố “{ $unit }”. Các khu phố: { $units }
invite-created = Mã mời { $role } { $unit }: { $code } — người nhận gõ /join { $code }. Mã chỉ dùng được một lần, đến { $until }.
role-head = trưởng khu phố
role-mentor = người giúp đỡ
role-officer = cán bộ
role-resident = người dân
lock-usage = Cách dùng: /khoaso THÁNG/NĂM, ví dụ /khoaso { $example }
lock-done = Đã khóa sổ tháng { $period }. Báo cáo tháng này không sửa được nữa.
lock-already = Tháng { $period } đã khóa sổ từ trước.

## Scheduled jobs
btn-start-report = 📝 Làm báo cáo
btn-start-checkin = ✅ Xác nhận liên hệ
btn-help = ❓ Trợ giúp
btn-start-tip = 📣 Tố báo
btn-summary = 📊 Tổng hợp
btn-tips = 📨 Tin báo
btn-subscribe = 🔔 Nhận thông báo
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
alert-quarantined =
    ⚠️ { $count ->
        [one] Một tin nhắn
       *[other] { $count } tin nhắn
    } trong hàng chờ gửi không đọc được (sai khoá dữ liệu hoặc bị hỏng) và đã được để riêng; các tin khác vẫn được gửi. Vui lòng báo người quản trị hệ thống.
flood-limited =
    Bạn gửi nhanh quá, hệ thống chưa kịp xử lý. Vui lòng đợi khoảng { $seconds } giây rồi gửi lại tin nhắn của bạn.
alert-inbound-quarantined =
    ⚠️ Có tin nhắn gửi đến không đọc được (có thể do khóa dữ liệu của máy chủ bị thay đổi) nên đã được để riêng, không xử lý. Các tin nhắn khác vẫn được xử lý bình thường. Vui lòng báo người quản trị hệ thống kiểm tra khóa dữ liệu (DATA_KEY).
alert-undeliverable =
    📵 Không gửi được tin nhắn cho { $who } qua { $channel } ({ $reason }). Vui lòng gọi điện.
reason-outside-window = người nhận đã không nhắn tin cho Zalo OA quá 48 giờ nên Zalo không cho gửi
reason-failed = gửi thất bại sau nhiều lần thử
reason-unreachable = người nhận đã chặn hoặc không còn dùng kênh này
alert-tipster-unreachable = 📵 Không gửi được tin nhắn cho người tố giác của tin báo { $code }. Người tố giác có thể hỏi lại bằng mã tin báo; không có cách nào khác để liên lạc với họ.

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
link-code = Mã liên kết: { $code }. Trong { $minutes } phút, mở Vùng Xanh trên ứng dụng còn lại (Zalo hoặc Telegram) và gửi: /link { $code } — rồi xác nhận tại đây. Đừng đưa mã này cho người khác.
link-done = Đã liên kết hai ứng dụng. Tin nhắc việc sẽ đến ứng dụng bạn dùng gần nhất.
link-invalid = Mã liên kết “{ $code }” không đúng hoặc đã dùng. Gửi /link trên ứng dụng kia để lấy mã mới.
link-expired = Mã liên kết đã hết hạn. Gửi /link trên ứng dụng kia để lấy mã mới.
link-same = Mã này là của chính tài khoản này. Hãy gửi nó trên ứng dụng còn lại.
link-conflict = Không liên kết được: cả hai tài khoản đều có vai trò (trưởng khu phố, người giúp đỡ hoặc cán bộ). Hãy liên hệ cán bộ.
link-claimed = Mã liên kết này đã được gửi từ một tài khoản khác và đang chờ xác nhận. Gửi /link trên ứng dụng kia để lấy mã mới.
link-waiting = Đã gửi yêu cầu liên kết. Trong { $minutes } phút, hãy bấm “Đồng ý” trên ứng dụng kia (nơi bạn lấy mã) để hoàn tất.
link-confirm-ask = 🔗 Có người vừa gửi mã liên kết { $code } của bạn từ một ứng dụng khác. Nếu đó là chính bạn, bấm “Đồng ý” (hoặc gõ /link co) trong { $minutes } phút: hai tài khoản sẽ thành một. Nếu không phải bạn, bấm “Không”.
link-waiting-role = Đã gửi yêu cầu liên kết. Lưu ý: sau khi liên kết, ứng dụng kia sẽ dùng được quyền { $role } của bạn. Chỉ tiếp tục nếu đó là ứng dụng của chính bạn; nếu không, gõ ngay /link khong để hủy. Hoàn tất bằng cách bấm “Đồng ý” trên ứng dụng kia trong { $minutes } phút.
link-withdrawn = Đã hủy yêu cầu liên kết. Không có gì thay đổi.
link-yes = Đồng ý
link-no = Không
link-declined-owner = Đã từ chối liên kết. Không có gì thay đổi.
link-declined = Yêu cầu liên kết đã bị từ chối trên ứng dụng kia. Không có gì thay đổi.
link-nothing = Không có yêu cầu liên kết nào đang chờ bạn xác nhận. Gửi /link để lấy mã liên kết.

## Rehab support: /checkin (/xacnhan) for mentors; /cases (/hoso), /case (/xemca), /casestatus (/trangthaica), /newcase (/moca), /caseinvite (/moigiupdo) for officers
join-done-case = Bạn được phân công giúp đỡ trường hợp { $code }. Mỗi tuần gõ /xacnhan để xác nhận đã liên hệ.
checkin-not-mentor = Chỉ người được phân công giúp đỡ mới xác nhận liên hệ. Nếu bạn được phân công, hãy xin cán bộ mã mời.
checkin-no-cases = Tuần { $week } bạn không có trường hợp nào cần xác nhận.
checkin-bad-case-start = Bạn không giúp đỡ trường hợp “{ $code }”. Các trường hợp của bạn: { $cases }
checkin-case-intro = Trường hợp { $code } — tuần { $week }.
checkin-case-intro-again = Trường hợp { $code } — tuần { $week }. Bạn đã xác nhận tuần này; lần này sẽ thay lần trước.
checkin-ask-case =
    Xác nhận liên hệ tuần { $week }. Chọn trường hợp:
    { $cases }
checkin-ask-case-all-checked =
    Tuần { $week } bạn đã xác nhận đủ. Chọn một trường hợp nếu muốn sửa (hoặc gõ /huy):
    { $cases }
checkin-ask-next =
    Đã lưu { $count } trường hợp trong lần này. Chọn trường hợp tiếp theo, hoặc bấm “Xong”:
    { $cases }
checkin-case-line = • { $code } — { $status }
checkin-case-todo = chưa xác nhận
checkin-case-checked = đã xác nhận ✓
checkin-case-recorded = vừa lưu ✓
checkin-case-button = { $code }
btn-checkin-finish = Xong
checkin-type-code = Gõ mã trường hợp.
checkin-case-expected = Vui lòng bấm một nút bên dưới, hoặc gõ mã trường hợp.
checkin-bad-case = Không có trường hợp “{ $code }” trong danh sách của bạn. Các trường hợp: { $cases }
checkin-nothing = Chưa ghi trường hợp nào, không lưu gì.
checkin-ask-contacted = Tuần này bạn có liên hệ được với { $code } không?
checkin-ask-method = Bạn liên hệ với { $code } bằng cách nào?
checkin-method-in_person = Gặp trực tiếp
checkin-method-phone = Điện thoại
checkin-method-family_visit = Thăm gia đình
checkin-ask-state = Tình trạng của { $code } tuần này?
checkin-ask-state-unreached = Không liên hệ được với { $code }. Bạn có nghe tin gì về tình trạng của người này không?
checkin-state-stable = Ổn định
checkin-state-worrying = Có dấu hiệu đáng lo
checkin-state-suspected_relapse = Nghi tái nghiện
checkin-state-unreachable = Không liên lạc được
checkin-bad-choice =
    Vui lòng bấm một nút bên dưới, gõ chữ trên nút hoặc số thứ tự:
    { $options }
checkin-options = { $options }
checkin-option = { $n }. { $label }
checkin-ask-note = Ghi chú thêm (tối đa { $max } ký tự; không ghi họ tên)? Bấm “Bỏ qua” nếu không có.
checkin-not-contacted = không liên hệ được
checkin-summary =
    Trường hợp { $code } — tuần { $week }:
    • Liên hệ được: { $contacted }
    • Cách liên hệ: { $method }
    • Tình trạng: { $state }
    • Ghi chú: { $note }
checkin-confirm = Đúng chưa? (Có / Không)
checkin-redo = Trả lời lại cho { $code }.
checkin-saved =
    ✅ Đã lưu xác nhận tuần { $week } ({ $count } trường hợp):
    { $cases }
checkin-line = { $code }: { $state } ({ $method })
checkin-refused = Không lưu: { $cases } (bạn không còn giúp đỡ, hoặc trường hợp không còn theo dõi).
checkin-officers-told = Cán bộ công an đã được báo ngay.
checkin-all-done = Bạn đã xác nhận đủ các trường hợp tuần { $week }. Cảm ơn bạn!
checkin-left = Còn { $count } trường hợp chưa xác nhận tuần này: { $cases }. Gõ /xacnhan để tiếp tục.
alert-checkin-relapse = 🚨 Trường hợp { $code } ({ $unit }): người giúp đỡ báo NGHI TÁI NGHIỆN (tuần { $week }). Gõ /xemca { $code } để xem.
alert-checkin-unreached = ⚠️ Trường hợp { $code } ({ $unit }): hai tuần liền không liên lạc được (tuần { $previous } và tuần { $week }). Gõ /xemca { $code } để xem.
case-status-active = Đang giúp đỡ
case-status-completed = Hoàn thành
case-status-relapsed = Tái nghiện
case-status-compulsory = Cai nghiện bắt buộc
cases-title = 📁 Hồ sơ giúp đỡ — tuần { $week }: { $count } trường hợp cần xác nhận, { $done } đã xác nhận.
cases-none = Không có trường hợp nào đang giúp đỡ tuần này. Gõ /moca để mở hồ sơ mới.
cases-due = Chưa xác nhận tuần này ({ $count }):
cases-due-none = Tất cả đã được xác nhận tuần này.
cases-overdue = Quá hạn — tuần trước không ai xác nhận ({ $count }):
cases-attention = Cần chú ý ({ $count }):
cases-line = { $code } ({ $unit }){ $extra }
cases-line-no-mentor = { $code } ({ $unit }){ $extra } — chưa có người giúp đỡ
cases-line-state = : { $state }
cases-more = … và { $count } trường hợp nữa
cases-hint = Gõ /xemca MÃ để xem một trường hợp, /trangthaica để đổi trạng thái, /moca để mở hồ sơ mới.
case-usage = Cách dùng: /xemca MÃ (ví dụ: /xemca NT-01)
case-unknown = Không có trường hợp “{ $code }”.
case-unknown-list = Không có trường hợp “{ $code }”. Các trường hợp: { $cases }
case-title = 📁 Trường hợp { $code } — { $unit } — { $status }
case-name = Họ tên (chỉ cán bộ xem): { $name }
case-name-none = Chưa ghi họ tên.
case-name-unreadable = Có ghi họ tên nhưng không giải mã được (DATA_KEY khác với lúc ghi).
case-period = Từ { $start } đến { $end }; { $mentors } người giúp đỡ.
case-end-none = chưa định
case-history = Các lần xác nhận gần nhất:
case-history-none = Chưa có lần xác nhận nào.
case-history-line = Tuần { $week }: { $state } ({ $method })
case-history-line-note = Tuần { $week }: { $state } ({ $method }). Ghi chú: { $note }
case-invite-inactive = Trường hợp { $code } đang ở trạng thái “{ $status }”: chỉ trường hợp đang giúp đỡ mới nhận thêm người giúp đỡ.
case-invite-usage = Cách dùng: /moigiupdo MÃ — tạo mã mời người giúp đỡ cho một trường hợp.
case-invite-created = Mã mời người giúp đỡ trường hợp { $code }: { $invite } (người được mời gửi /join { $invite }; dùng một lần, đến { $until }).
case-none-yet = Chưa có trường hợp nào. Gõ /moca để mở hồ sơ mới.
case-status-ask-code = Đổi trạng thái trường hợp nào? Gõ mã: { $cases }
case-status-ask = Trạng thái mới của { $code }?
case-status-bad = Vui lòng chọn: Đang giúp đỡ, Hoàn thành, Tái nghiện hoặc Cai nghiện bắt buộc.
case-status-usage = Cách dùng: /trangthaica MÃ đang giúp đỡ | hoàn thành | tái nghiện | cai nghiện bắt buộc
case-status-same = { $code } đã ở trạng thái “{ $status }”. Không đổi gì.
case-status-done = Đã đổi trạng thái { $code }: { $from } → { $to }.
case-no-units = Chưa có khu phố nào. Nhờ quản trị thêm khu phố trước.
case-ask-code = Mã hồ sơ mới (chữ và số, ví dụ NT-01; không dùng họ tên)?
case-bad-code = Mã gồm chữ, số (ít nhất một chữ số) và dấu gạch ngang ở giữa, không có khoảng trắng, tối đa 20 ký tự, ví dụ NT-01.
case-exists = Đã có trường hợp mã { $code }. Vui lòng chọn mã khác.
case-ask-unit-buttons = Trường hợp thuộc khu phố nào?
case-ask-unit-typed = Trường hợp thuộc khu phố nào? Gõ tên khu phố.
btn-today = Hôm nay
case-ask-start = Ngày bắt đầu giúp đỡ? Bấm “Hôm nay” hoặc gõ ngày, ví dụ 23/11/2026.
case-bad-date = Vui lòng gõ ngày, ví dụ 23/11/2026 hoặc “hôm qua”.
case-ask-end = Ngày dự kiến kết thúc (ví dụ 23/05/2027)? Bấm “Bỏ qua” nếu chưa định.
case-end-before-start = Ngày kết thúc phải từ { $start } trở đi.
case-open-summary =
    Mở hồ sơ { $code }:
    • Khu phố: { $unit }
    • Từ { $start } đến { $end }
case-open-confirm = Mở hồ sơ này? (Có / Không)
case-open-cancelled = Đã hủy, chưa mở hồ sơ nào.
case-ask-name = Họ tên người được giúp đỡ (tối đa { $max } ký tự)? Chỉ cán bộ xem được, lưu mã hóa. Bấm “Bỏ qua” nếu không ghi.
case-name-saved = Họ tên đã được lưu mã hóa; chỉ cán bộ xem được (/xemca).
case-unit-gone = Khu phố này không còn nữa. Chưa mở hồ sơ.
case-opened = ✅ Đã mở hồ sơ { $code } ({ $unit }), từ { $start } đến { $end }.

## Tips (tin báo, tố giác)
tip-cat-dealing = Mua bán
tip-cat-using = Sử dụng, tụ tập
tip-cat-spot = Điểm nghi
tip-cat-person = Đối tượng khả nghi
tip-cat-other = Khác
btn-anonymous = 🔒 Ẩn danh
btn-named = Để lại tên
tip-start = 🔒 Gửi tin báo về ma túy. Mặc định bạn gửi ẩn danh: cán bộ không biết bạn là ai. Gõ /huy để dừng bất cứ lúc nào.
tip-q-category = Tin báo về việc gì?
tip-q-description = Mô tả sự việc: ai, làm gì, như thế nào?
tip-q-place = Ở đâu? Gõ địa chỉ, hoặc gửi vị trí (ghim bản đồ). Gõ “bỏ qua” nếu không rõ.
tip-q-when = Khi nào? (ví dụ: tối qua khoảng 9 giờ). Gõ “bỏ qua” nếu không rõ.
tip-q-unit = Ở khu phố nào? Bấm khu phố nơi xảy ra việc, hoặc gõ tên khu phố. Không rõ thì bấm “Không rõ / Bỏ qua”.
btn-tip-unit-unknown = Không rõ / Bỏ qua
tip-err-unit = Vui lòng bấm một khu phố bên dưới, gõ tên khu phố ({ $units }), hoặc gõ “bỏ qua” nếu không rõ.
tip-err-unit-unknown = Không tìm thấy khu phố “{ $unit }”. Các khu phố: { $units }. Gõ lại tên khu phố, hoặc gõ “bỏ qua” nếu không rõ.
tip-q-photo = Có ảnh không? Gửi một ảnh, hoặc gõ “bỏ qua”.
tip-q-identity = Bạn muốn gửi ẩn danh (khuyên dùng) hay để lại tên để cán bộ liên hệ?
tip-q-contact = Tên và số điện thoại để cán bộ liên hệ?
tip-q-answer = Câu trả lời của bạn? (bạn vẫn ẩn danh)
tip-err-choice = Vui lòng chọn một mục bằng nút bấm, hoặc gõ đúng tên mục.
tip-err-desc-short = Hãy mô tả rõ hơn (ít nhất { $min } ký tự).
tip-err-place = Vui lòng gõ địa chỉ hoặc gửi vị trí, hoặc gõ “bỏ qua”.
tip-err-photo = Vui lòng gửi một ảnh, hoặc gõ “bỏ qua”.
tip-err-photo-large = Ảnh quá lớn (tối đa { $mb } MB). Hãy gửi ảnh nhỏ hơn, hoặc gõ “bỏ qua”.
tip-summary = Kiểm tra lại tin báo:
tip-line-category = Loại: { $value }
tip-line-description = Sự việc: { $value }
tip-line-place = Nơi: { $value }
tip-line-location = Vị trí: { $lat }, { $lng }
tip-line-unit = Khu phố: { $value }
tip-line-when = Thời gian: { $value }
tip-line-photo = 📷 Có ảnh kèm theo
tip-line-anonymous = 🔒 Ẩn danh
tip-line-named = Người báo để lại: { $contact }
tip-confirm = Gửi tin báo này? (Có / Không)
tip-not-sent = Chưa gửi tin báo. Không có gì được lưu.
tip-created =
    ✅ Đã gửi tin báo. Cảm ơn bạn!
    Mã tin báo: { $code }
    Mã bí mật: { $secret }
    Hãy ghi lại hai mã này và không cho ai xem. Gõ /tip { $code } để xem tình trạng. Nếu tin báo giúp ích, bạn có thể được khen thưởng: đưa cả hai mã cho cán bộ để chứng minh tin báo là của bạn mà không phải cho biết bạn là ai.
tip-refused-blocked = Bạn hiện không thể gửi tin báo qua kênh này. Vui lòng liên hệ trực tiếp Công an xã, phường, thị trấn.
tip-refused-too-many = Bạn đã gửi { $max } tin báo trong một giờ qua. Vui lòng thử lại sau.
tip-usage = Cách dùng: /tobao để gửi tin báo mới, hoặc /tobao MÃ để xem tin báo đã gửi.
tip-not-found = Không tìm thấy tin báo “{ $code }”.
tip-mine = Tin báo { $code }: { $status }.
tip-mine-question = Cán bộ hỏi: “{ $question }”
tip-answer-sent = Đã gửi câu trả lời cho cán bộ. Bạn vẫn ẩn danh.
tip-question-to-tipster =
    ❓ Cán bộ hỏi về tin báo { $code } của bạn: “{ $question }”
    Trả lời bằng tin nhắn tiếp theo. Bạn vẫn ẩn danh.
tip-status-to-tipster = Tin báo { $code } của bạn: { $status }. Cảm ơn bạn!
tip-status-new = mới nhận
tip-status-checking = đang xác minh
tip-status-handled = đã xử lý
tip-status-unfounded = không có cơ sở
alert-tip = 🆘 Tin báo mới { $code }
alert-tip-answer = 💬 Người báo tin { $code } trả lời: “{ $text }”
tips-none = Không có tin báo nào đang mở.
tips-title = Tin báo đang mở ({ $count }):
tips-line = { $code } · { $category } · { $status } · { $date }: { $excerpt }
tips-hint = Gõ /tobao MÃ để xem một tin báo.
tip-officer-title = Tin báo { $code } — { $status } — gửi lúc { $date }
tip-exchange-question = ❓ Cán bộ hỏi: { $text }
tip-exchange-answer = 💬 Người báo trả lời: { $text }
tip-officer-actions = Xử lý: /xuly { $code } xác minh | đã xử lý | không có cơ sở · /hoi { $code } câu hỏi · /khenthuong { $code } · /chantin { $code }
tip-is-rewarded = 🏅 Đã đánh dấu khen thưởng.
tip-not-rewarded = Chưa đánh dấu khen thưởng: gõ /khenthuong MÃ nếu xứng đáng.
tip-moved = Tin báo { $code }: { $from } → { $to }. Người báo tin được báo tình trạng mới.
tip-move-not-allowed = Không thể chuyển tin báo { $code } từ “{ $from }” sang “{ $to }”.
tip-move-usage = Cách dùng: /xuly MÃ xác minh | đã xử lý | không có cơ sở
tip-ask-usage = Cách dùng: /hoi MÃ câu hỏi
tip-asked = Đã gửi câu hỏi cho người báo tin { $code }. Câu trả lời sẽ đến ngay khi có.
tip-ask-unreachable = Đã lưu câu hỏi, nhưng hiện không nhắn được cho người báo tin { $code }; họ sẽ thấy câu hỏi khi gõ /tobao { $code }.
tip-blocked = Đã chặn người gửi tin báo { $code }: họ không gửi được tin báo nữa. Không ai biết đó là ai.
tip-rewarded = 🏅 Đã đánh dấu khen thưởng cho tin báo { $code }. Người báo chứng minh bằng mã bí mật (/xacminh).
tip-reward-already = Tin báo { $code } đã được khen thưởng trước đó.
tip-verify-ok = ✅ Đúng mã bí mật: người đưa mã là người đã gửi tin báo { $code }. { $rewarded }
tip-verify-bad = ❌ Mã bí mật không đúng cho tin báo { $code }.
tip-unit-set = ✅ Đã ghi khu phố nơi xảy ra của tin báo { $code }: { $unit }.
tip-unit-cleared = ✅ Tin báo { $code } không còn ghi khu phố.
tip-unit-bad = ❌ Khu phố này không có hoặc đã ngừng hoạt động. Chọn một khu phố trong danh sách.
tip-verify-usage = Cách dùng: /xacminh MÃ-TIN-BÁO MÃ-BÍ-MẬT
tip-code-usage = Cách dùng: lệnh, rồi mã tin báo, ví dụ /chantin TB-ABC234
checkin-closed = Xong. Đã lưu { $count } trường hợp của tuần { $week }. Cảm ơn bạn!

## Locking and unlocking a month
lock-not-ended = Tháng { $period } chưa kết thúc: chỉ khóa sổ được tháng đã qua.
unlock-usage = Cách dùng: /mokhoa THÁNG/NĂM LÝ DO, ví dụ /mokhoa { $example } Khu phố Chí Linh nhập sai số hộ
unlock-not-locked = Tháng { $period } chưa khóa sổ; báo cáo vẫn sửa được.
unlock-ask-reason = Vì sao mở lại sổ tháng { $period }? Lý do được lưu lại. (Gõ /huy để thôi.)
unlock-reason-expected = Vui lòng gõ lý do mở lại sổ (tối đa 500 ký tự), hoặc /huy để thôi.
unlock-done = Đã mở lại sổ tháng { $period }. Trưởng khu phố có thể sửa báo cáo; khóa lại bằng /khoaso khi xong.

## Units (/donvi)
class-priority = Trọng điểm, phức tạp
class-has_cases = Đã có người nghiện
class-clean = Chưa có người nghiện
btn-unit-rename = Đổi tên
btn-unit-households = Số hộ
btn-unit-class = Phân loại
btn-unit-retire = Ngừng theo dõi
units-overview = Đang theo dõi { $total } khu phố: { $priority } trọng điểm, { $hasCases } đã có người nghiện, { $clean } chưa có người nghiện.
units-usage = Cách dùng: /donvi TÊN KHU PHỐ — xem và sửa một khu phố. Thêm nhiều khu phố một lần: npm run admin -- units import FILE.
units-unknown = Không tìm thấy khu phố “{ $unit }”.
unit-card = { $unit }: { $households } hộ; phân loại: { $class }.
unit-class-history = Lịch sử phân loại:
unit-class-history-line = • từ tháng { $period }: { $from } → { $to }
unit-card-retired = Đã ngừng theo dõi từ tháng { $period } (giữ trong lịch sử; không nhắc, không tổng hợp).
unit-ask-action = Bạn muốn sửa gì của { $unit }? (Gõ /huy để thôi.)
unit-action-expected = Vui lòng bấm một nút, hoặc gõ: đổi tên, số hộ, phân loại, ngừng theo dõi.
unit-ask-name = Tên mới của { $unit }?
unit-name-expected = Vui lòng gõ tên mới (1 đến 80 ký tự).
unit-name-same = Tên này giống tên hiện tại. Vui lòng gõ tên mới, hoặc /huy để thôi.
unit-ask-households = Số hộ của { $unit } (hiện là { $households })?
unit-households-expected = Số hộ phải từ 0 đến 100.000. Vui lòng nhập lại.
unit-ask-class = Phân loại mới của { $unit } (hiện là: { $class }), tính từ tháng { $period }?
unit-class-expected = Vui lòng bấm một nút, hoặc gõ: trọng điểm, đã có người nghiện, chưa có người nghiện.
unit-ask-retire = Ngừng theo dõi { $unit } từ tháng { $period }? Khu phố được giữ trong lịch sử, nhưng không được nhắc báo cáo, không có trong tổng hợp và bảng xuất từ tháng này.
unit-retire-kept = Không thay đổi gì: { $unit } vẫn được theo dõi.
unit-gone = Khu phố này không còn được theo dõi; không có gì thay đổi.
unit-renamed = Đã đổi tên “{ $from }” thành “{ $to }”.
unit-name-taken = Đã có khu phố tên “{ $name }”; không có gì thay đổi.
unit-households-set = Đã sửa số hộ của { $unit }: { $from } → { $to }.
unit-class-same = { $unit } đã được phân loại { $class }; không có gì thay đổi.
unit-reclassified = Đã phân loại lại { $unit } từ tháng { $period }: { $from } → { $to }. Thay đổi được lưu trong lịch sử.
unit-retired = Đã ngừng theo dõi { $unit } từ tháng { $period }. Các báo cáo cũ vẫn được giữ.

## The officers' console (web, issue 14)
console-link = Mở trang quản lý: { $url }
    Liên kết chỉ dùng được một lần, trong { $minutes } phút. Đừng chuyển liên kết này cho ai.
console-brand = Vùng Xanh · Trang quản lý
console-skip = Chuyển tới nội dung chính
console-nav-label = Các mục
console-nav-overview = Tổng quan
console-nav-green = Vùng xanh
console-nav-tips = Tin báo
console-nav-cases = Cai nghiện
console-nav-admin = Quản trị
console-nav-docs = Tài liệu
console-docs-title = Tài liệu
console-docs-lead = Tải bảng tổng hợp tháng để lưu hồ sơ, hoặc làm báo cáo sơ kết, tổng kết theo mẫu văn bản hành chính.
console-docs-monthly-heading = Bảng tổng hợp tháng
console-docs-monthly-text = Mọi khu phố, thôn đang theo dõi trong tháng, đã báo cáo hay chưa. Tệp Excel để in và lưu hồ sơ; tệp CSV để xử lý bằng máy.
console-docs-download-xlsx = Tải tệp Excel (.xlsx)
console-docs-download-csv = Tải tệp CSV
console-docs-month-bad = Tháng không đúng. Chọn tháng theo dạng NĂM-THÁNG, ví dụ { $example }.
console-docs-month-future = Tháng { $month } chưa đến. Chọn tháng { $current } hoặc một tháng đã qua.
console-docs-review-heading = Báo cáo sơ kết, tổng kết
console-docs-review-text = Số liệu và các bảng được lấy từ báo cáo của các khu phố. Các phần dưới đây do cán bộ viết; phần nào để trống sẽ in dòng chấm để viết tay.
console-docs-review-choices = Chọn nhanh:
console-docs-review-last = { $months } tháng gần nhất
console-docs-review-range = Thời gian báo cáo
console-docs-review-from = Từ tháng
console-docs-review-to = Đến tháng
console-docs-review-number = Số văn bản (sau "Số:", có thể để trống)
console-docs-review-shortcomings = II. Tồn tại, hạn chế
console-docs-review-shortcomings-hint = Những việc chưa làm được, nguyên nhân.
console-docs-review-directions = III. Phương hướng, nhiệm vụ thời gian tới
console-docs-review-directions-hint = Việc cần làm trong thời gian tới.
console-docs-review-proposals = IV. Đề xuất, kiến nghị
console-docs-review-proposals-hint = Kiến nghị với cấp trên, kể cả đề nghị khen thưởng tập thể, cá nhân.
console-docs-review-blank = Xuống dòng để tách đoạn. Báo cáo không ghi tên người tố giác hay người đang cai nghiện; đừng viết tên họ vào đây.
console-docs-review-submit = Tạo báo cáo (.docx)
console-docs-range-backwards = Tháng bắt đầu ({ $from }) sau tháng kết thúc ({ $to }). Chọn tháng bắt đầu trước hoặc bằng tháng kết thúc.
console-docs-range-long = Khoảng thời gian dài { $months } tháng; báo cáo tính tối đa { $max } tháng. Hãy rút ngắn khoảng thời gian.
console-docs-number-bad = Số văn bản viết trên một dòng, tối đa { $max } ký tự, ví dụ 15/BC-CAX.
console-docs-part-long = Phần "{ $part }" quá dài. Hãy rút gọn rồi tạo lại.
console-nav-logout = Đăng xuất
console-signin-title = Đăng nhập trang quản lý
console-signin-body = Bạn chưa đăng nhập, hoặc phiên làm việc đã hết hạn.
console-signin-how = Để vào, hãy gửi /trangweb (hoặc /web) cho bot Vùng Xanh trên Zalo hoặc Telegram. Bot sẽ gửi cho bạn một liên kết dùng được một lần trong 10 phút.
console-link-used-title = Liên kết đã được dùng
console-link-used-body = Liên kết đăng nhập này đã được dùng rồi. Mỗi liên kết chỉ dùng được một lần.
console-link-expired-title = Liên kết đã hết hạn
console-link-expired-body = Liên kết đăng nhập này đã quá 10 phút nên không dùng được nữa.
console-link-unknown-title = Liên kết không đúng
console-link-unknown-body = Liên kết đăng nhập này không đúng hoặc không còn dùng được.
console-link-preview-title = Liên kết đăng nhập Vùng Xanh
console-link-preview-body = Bấm vào liên kết trong tin nhắn của bot để mở trang quản lý.
console-logout-title = Đã đăng xuất
console-logout-body = Bạn đã đăng xuất khỏi trang quản lý.
console-csrf-title = Yêu cầu bị từ chối
console-csrf-body = Biểu mẫu đã cũ hoặc không gửi từ trang quản lý nên không có gì thay đổi. Hãy tải lại trang rồi làm lại.
console-forbidden-title = Không có quyền xem
console-forbidden-body = Bạn không có quyền xem trang này. Trưởng khu phố chỉ xem được khu phố của mình.
console-notfound-title = Không tìm thấy trang
console-notfound-body = Không có trang này. Hãy chọn một mục ở thanh trên.
console-overview-title = Tổng quan tháng { $period }
console-state-green = Vùng xanh
console-state-at-risk = Có nguy cơ
console-state-not-green = Chưa xanh
console-state-unknown = Chưa báo cáo
console-state-retired = Đã ngừng theo dõi
console-status-filed = Đã nộp đúng hạn
console-status-filed-late = Nộp muộn
console-status-missing = Chưa nộp
console-status-overdue = Chưa nộp, quá hạn
console-status-no-head = Chưa có trưởng khu phố
console-month-bad = Tháng không đúng, đang hiện tháng này. Chọn tháng theo dạng NĂM-THÁNG, ví dụ 2026-11.
console-filter-month = Tháng
console-filter-to = Đến tháng
console-filter-class = Phân loại
console-filter-status = Tình trạng
console-filter-all = Tất cả
console-filter-status-filed = Đã nộp
console-filter-status-missing = Chưa nộp
console-filter-status-no-head = Chưa có trưởng khu phố
console-filter-status-late = Muộn hoặc quá hạn
console-filter-apply = Xem
console-card-reported = đơn vị đã báo cáo
console-card-on-time = nộp đúng hạn · { $late } nộp muộn
console-card-green = đơn vị vùng xanh
console-card-deadline = Hạn nộp: { $at }
console-card-locked = Tháng đã khóa sổ.
console-units-heading = Các khu phố
console-units-order = Việc cần làm trước được xếp lên đầu: chưa có trưởng khu phố, quá hạn, có nguy cơ, nộp muộn, có cảnh báo.
console-units-none = Không có khu phố nào khớp.
console-col-unit = Khu phố
console-col-status = Báo cáo
console-col-class = Phân loại
console-col-state = Vùng xanh
console-col-streak = Số tháng xanh liền
console-col-warnings = Cảnh báo
console-col-field = Chỉ tiêu
console-col-vs-previous = Tháng trước ({ $period })
console-col-vs-last-year = Cùng kỳ năm trước ({ $period })
console-col-month = Tháng
console-col-filed-at = Thời gian nộp
console-col-from-month = Từ tháng
console-col-change = Thay đổi
console-col-changed-at = Ghi lúc
console-col-case = Mã trường hợp
console-col-case-status = Trạng thái
console-col-case-period = Thời gian
console-candidate = Đủ điều kiện đề nghị
console-totals-heading = Số liệu tổng hợp
console-totals-none = Chưa có báo cáo nào trong tháng này.
console-green-title = Vùng xanh qua các tháng
console-green-chart-heading = Số khu phố vùng xanh mỗi tháng
console-green-chart-title = Số khu phố vùng xanh mỗi tháng, từ { $from } đến { $to }
console-green-chart-note = Trên tổng số { $units } khu phố. Một tháng là vùng xanh khi báo cáo không có người nghiện, nghi nghiện, phát sinh mới, tái nghiện, vụ việc hay điểm nghi.
console-green-grid-heading = Từng khu phố trong 12 tháng
console-candidates-heading = Đề nghị công nhận “sạch”
console-candidates-none = Chưa có khu phố nào đủ số tháng xanh liền để đề nghị.
console-candidate-line = { $months } tháng xanh liền, đang phân loại “{ $class }”. Cán bộ quyết định việc phân loại lại.
console-unit-unknown = Không có khu phố này.
console-unit-class = Phân loại
console-unit-households = Số hộ
console-unit-state = Vùng xanh tháng { $period }
console-unit-retired = Khu phố đã ngừng theo dõi từ tháng { $period }.
console-unit-reports-heading = Báo cáo 12 tháng gần nhất
console-unit-figures-heading = Số liệu qua các tháng
console-unit-classes-heading = Lịch sử phân loại
console-unit-classes-none = Chưa đổi phân loại lần nào (hiện là “{ $class }”).
console-unit-cases-heading = Trường hợp giúp đỡ cai nghiện
console-unit-cases-none = Khu phố không có trường hợp nào.
console-unit-tips-heading = Tin báo
console-unit-tips-note = Số tin báo về việc xảy ra ở khu phố này (do người báo chọn hoặc cán bộ ghi). Chỉ có số đếm: không nội dung, mã hay thời gian.
console-unit-tips-none = Chưa có tin báo nào ghi khu phố này.
console-unit-tips-total = Tổng số: { $n }
console-unit-tips-by-status = Theo trạng thái
console-unit-tips-by-category = Theo loại
console-unit-tips-officers = Số tin báo theo khu phố chỉ cán bộ công an xem được.
## Choices past a channel's button limit, offered as words to type (bots/choices.ts)
choices-typed = (Hoặc gõ: { $options })
choices-typed-list =
    Hoặc gõ một trong các lựa chọn:
    { $options }

## The Telegram command menu: one description per command (bots/telegram/menu.ts)
menu-join = Nhận vai trò bằng mã mời
menu-link = Liên kết tài khoản Zalo và Telegram
menu-people = Ai giữ vai trò (cán bộ)
menu-removerole = Bỏ một vai trò (cán bộ)
menu-report = Báo cáo tháng (trưởng khu phố)
menu-commitments = Ghi hộ ký cam kết (trưởng khu phố, cán bộ)
menu-tip = Gửi tin báo về ma túy (ẩn danh)
menu-tips = Tin báo đang mở (cán bộ)
menu-tipstatus = Đổi trạng thái tin báo (cán bộ)
menu-ask = Hỏi thêm người gửi tin báo (cán bộ)
menu-tipblock = Chặn người gửi tin báo (cán bộ)
menu-reward = Khen thưởng tin báo (cán bộ)
menu-verify = Xác minh tin báo (cán bộ)
menu-summary = Tổng hợp tháng (cán bộ)
menu-invite = Tạo mã mời (cán bộ)
menu-lock = Khóa sổ tháng (cán bộ)
menu-unlock = Mở lại tháng đã khóa (cán bộ)
menu-units = Quản lý khu phố (cán bộ)
menu-subscribe = Nhận thông báo của khu phố
menu-unsubscribe = Thôi nhận thông báo
menu-broadcast = Gửi thông báo (cán bộ)
menu-checkin = Xác nhận liên hệ hằng tuần (người giúp đỡ)
menu-cases = Các trường hợp giúp đỡ (cán bộ)
menu-case = Xem một trường hợp (cán bộ)
menu-casestatus = Đổi trạng thái trường hợp (cán bộ)
menu-newcase = Mở hồ sơ giúp đỡ mới (cán bộ)
menu-caseinvite = Mã mời người giúp đỡ (cán bộ)
menu-web = Trang quản lý trên web (cán bộ, trưởng khu phố)
menu-help = Trợ giúp
menu-cancel = Hủy thao tác đang làm
menu-lang = Ngôn ngữ: vi / en
## Household commitments (/camket)
btn-yesterday = Hôm qua
camket-tally = { $total } / { $households } hộ
camket-tally-open = { $total } hộ
camket-not-allowed = Sổ cam kết do trưởng khu phố (cho khu phố của mình) và cán bộ ghi. Nếu bạn là trưởng khu phố, gõ /join MÃ với mã mời cán bộ gửi.
camket-no-units = Chưa có khu phố nào để ghi sổ cam kết.
camket-pick-unit = Ghi cam kết cho khu phố nào? Bấm một nút hoặc gõ tên khu phố.
camket-ask-count = Sổ cam kết của { $unit }: đã ghi { $tally } ký cam kết. Lần này có bao nhiêu hộ ký? Gõ số, ví dụ 3 (gõ /huy để thôi).
camket-count-zero = Cần ít nhất 1 hộ. Gõ số hộ đã ký cam kết, ví dụ 3.
camket-over-cap = { $unit } có { $households } hộ, đã ghi { $total } hộ ký cam kết, nên chỉ ghi thêm được nhiều nhất { $room } hộ. Gõ lại số hộ.
camket-try-again = Chưa ghi gì. Gõ /camket để ghi lại.
camket-full = { $unit } đã ghi đủ { $households } / { $households } hộ ký cam kết, không ghi thêm được. Nếu số hộ của khu phố đã đổi, nhờ cán bộ cập nhật.
camket-ask-date = Các hộ ký cam kết ngày nào? Bấm một nút, hoặc gõ ngày, ví dụ 12/11 hoặc 12/11/2026.
camket-bad-date = Chưa hiểu ngày này. Gõ ngày như 12/11 hoặc 12/11/2026, hoặc “hôm nay”, “hôm qua”.
camket-future-date = Ngày { $date } chưa tới. Gõ ngày các hộ đã ký (hôm nay hoặc trước đó).
camket-ask-household = Số hộ hoặc số nhà của hộ này? Chỉ gõ số, ví dụ 12 hoặc 45B, không ghi tên. Không cần thì bấm “Bỏ qua”.
camket-household-name = Sổ cam kết không ghi tên người. Chỉ gõ số hộ hoặc số nhà, ví dụ 12, 45B hoặc 12/3, hoặc bấm “Bỏ qua”.
camket-confirm = Ghi vào sổ cam kết của { $unit }: { $count } hộ ký ngày { $date }. Ghi không?
camket-confirm-household = Ghi vào sổ cam kết của { $unit }: { $count } hộ ({ $householdNo }) ký ngày { $date }. Ghi không?
camket-cancelled = Đã thôi, chưa ghi gì vào sổ cam kết.
camket-saved = Đã ghi { $count } hộ ký cam kết ngày { $date } vào sổ của { $unit }. Tổng: { $tally }.
camket-household-number = số { $no }
camket-household-as-typed = { $no }
camket-source = theo sổ cam kết, đến ngày { $date }
camket-list-title = Sổ cam kết của { $unit }: { $tally } đã ký. Ghi gần đây:
camket-list-empty = Sổ cam kết của { $unit }: chưa ghi hộ nào. Gõ /camket để ghi.
camket-list-entry = { $date }: { $count } hộ
camket-list-entry-household = { $date }: { $count } hộ ({ $householdNo })
camket-totals-title = Sổ cam kết các khu phố (số hộ đã ký / số hộ):
camket-totals-line = { $unit }: { $tally }

## Console: tips (issue 14, item 4)
console-tips-title = Tin báo
console-tips-order = Tin mới nhất ở trên. Chỉ hiện ngày nhận, không hiện giờ, để không ai lần ra người báo tin.
console-tips-none = Không có tin báo nào khớp.
console-tip-filter-status = Tình trạng
console-tip-filter-category = Loại tin
console-tip-filter-bad = Bộ lọc không đúng nên đang hiện tất cả. Hãy chọn tình trạng và loại tin trong danh sách.
console-tip-col-code = Mã tin
console-tip-col-category = Loại tin
console-tip-col-status = Tình trạng
console-tip-col-day = Ngày nhận
console-tip-col-place = Địa điểm
console-tip-pin = Vị trí đã ghim
console-tip-rewarded = Đã khen thưởng
console-tip-title = Tin báo { $code }
console-tip-unknown-title = Không tìm thấy tin báo
console-tip-unknown-body = Không có tin báo với mã này. Mã tin có dạng TB-ABC234; hãy chọn tin trong danh sách Tin báo.
console-tip-description = Nội dung
console-tip-when = Thời điểm (người báo ghi)
console-tip-sender = Người báo
console-tip-anonymous = Ẩn danh. Không ai, kể cả cán bộ, biết ai đã gửi.
console-tip-named = Để lại cách liên lạc: { $contact }
console-tip-map-title = Vị trí người báo ghim
console-tip-osm = Mở vị trí trên OpenStreetMap (trang ngoài)
console-tip-place-none = Người báo không ghi địa điểm.
console-tip-photo = Ảnh
console-tip-photo-in-chat = Tin có kèm ảnh. Ảnh gửi qua Telegram/Zalo: xem trong tin nhắn cảnh báo của bot.
console-tip-photo-none = Tin không kèm ảnh.
console-tip-photo-alt = Ảnh kèm tin báo { $code } (bấm để mở cỡ lớn)
console-tip-photo-no-file = Tin có kèm ảnh, nhưng ảnh gửi từ trình mô phỏng nên không có tệp ảnh để xem.
console-tip-photo-unavailable = Tin có kèm ảnh, nhưng lúc này không lấy được ảnh từ kênh chat (ảnh đã hết hạn, kênh đang lỗi hoặc chưa được cấu hình). Hãy tải lại trang sau ít phút, hoặc xem ảnh trong tin nhắn cảnh báo của bot.
console-tip-history = Lịch sử tình trạng
console-tip-history-none = Chưa đổi tình trạng lần nào.
console-tip-dialogue = Hỏi đáp với người báo
console-tip-dialogue-none = Chưa có câu hỏi nào.
console-tip-question = Cán bộ hỏi:
console-tip-answer = Người báo trả lời:
console-tip-actions = Xử lý tin
console-tip-move-label = Chuyển sang
console-tip-move = Đổi tình trạng
console-tip-move-note = Người báo được nhắn tình trạng mới, như lệnh /xuly.
console-tip-move-bad = Tình trạng không đúng. Hãy chọn một tình trạng trong danh sách.
console-tip-ask-label = Câu hỏi cho người báo
console-tip-ask = Gửi câu hỏi
console-tip-ask-note = Câu hỏi đến người báo qua bot, không lộ họ là ai. Câu trả lời hiện ở trên trang này.
console-tip-ask-bad = Câu hỏi cần từ 2 đến { $max } ký tự. Hãy gõ câu hỏi rồi gửi lại.
console-tip-reward = Đánh dấu khen thưởng
console-tip-reward-note = Người báo chứng minh bằng mã bí mật của họ (/xacminh).
console-tip-block = Chặn người gửi
console-tip-block-note = Người gửi không gửi được tin báo nữa. Không ai biết đó là ai.
console-tip-unit = Khu phố nơi xảy ra
console-tip-unit-none = Chưa rõ
console-tip-unit-label = Khu phố nơi xảy ra
console-tip-unit-save = Lưu khu phố
console-tip-unit-note = Ghi nơi việc xảy ra, không phải nơi người báo ở. Chỉ dùng để đếm tin báo theo khu phố.
console-tip-unit-form-bad = ❌ Chọn một khu phố trong danh sách, hoặc “Chưa rõ”.
console-tip-back = ← Về danh sách tin báo

## Console: rehab cases (issue 14, item 5)
console-cases-title = Cai nghiện: tuần từ { $week }
console-cases-card-checked = trường hợp đã xác nhận tuần này
console-cases-card-overdue = quá hạn hai tuần
console-cases-card-relapses = tái nghiện hoặc nghi tái nghiện
console-cases-codes-only = Danh sách chỉ ghi mã trường hợp. Họ tên chỉ hiện trên trang của từng trường hợp, và mỗi lần xem đều được ghi lại.
console-cases-unchecked = Đến hạn, chưa xác nhận tuần này ({ $count })
console-cases-overdue = Quá hạn hai tuần: không xác nhận tuần trước lẫn tuần này ({ $count })
console-cases-relapses = Tái nghiện ({ $count })
console-cases-checked = Đã xác nhận tuần này ({ $count })
console-cases-none = Không có trường hợp nào.
console-cases-suspected-none = Tuần này và tuần trước không có ai bị nghi tái nghiện.
console-case-col-code = Mã
console-case-col-mentors = Người giúp đỡ
console-case-col-this-week = Tuần này
console-case-col-last-week = Tuần trước
console-case-not-checked = Chưa xác nhận
console-case-title = Trường hợp { $code }
console-case-unknown-title = Không tìm thấy trường hợp
console-case-unknown-body = Không có trường hợp với mã này. Hãy chọn trong danh sách Cai nghiện.
console-case-status = Trạng thái
console-case-name = Họ tên
console-case-name-audited = (lần xem này đã được ghi vào nhật ký)
console-case-name-hidden = Chỉ cán bộ được phép mới xem họ tên.
console-case-period = Thời gian giúp đỡ
console-case-checkins = Các lần xác nhận
console-case-col-week = Tuần
console-case-col-state = Tình hình
console-case-col-method = Cách liên hệ
console-case-col-note = Ghi chú
console-case-back = ← Về danh sách cai nghiện
console-audit-title = Nhật ký xem họ tên
console-audit-about = Mỗi lần trang quản lý hiện họ tên người cai nghiện: ai xem, lúc nào, trường hợp nào. Mới nhất ở trên.
console-audit-none = Chưa ai xem họ tên.
console-audit-col-when = Lúc
console-audit-col-who = Người xem
console-audit-officer = Cán bộ số { $id }
console-audit-you = bạn
console-audit-link = Xem nhật ký xem họ tên

## Console: administration (officers only)
console-admin-title = Quản trị
console-admin-nav-label = Các mục quản trị
console-admin-units-title = Khu phố
console-admin-units-about = Thêm, sửa, phân loại lại, thôi theo dõi, nhập danh sách từ tệp
console-admin-invites-title = Mã mời
console-admin-invites-about = Tạo mã, xem mã chưa dùng, thu hồi mã
console-admin-people-title = Người có vai trò
console-admin-people-about = Trưởng khu phố, người giúp đỡ, cán bộ; bỏ một vai trò
console-admin-announcements-title = Thông báo
console-admin-announcements-about = Soạn, chọn người nhận, xem số đã gửi
console-admin-months-title = Khóa sổ tháng
console-admin-months-about = Khóa sổ tháng đã qua, mở khóa có lý do, lịch sử
console-admin-save = Lưu
console-admin-cancel = Hủy
console-admin-made-by = Người tạo
console-admin-no-unit = (không theo khu phố)
console-admin-role = Vai trò
console-admin-role-bad = Vai trò không hợp lệ. Chọn trưởng khu phố, người giúp đỡ hoặc cán bộ.
console-admin-unit-gone = Khu phố này không còn (đã thôi theo dõi hoặc không có). Chọn khu phố trong danh sách.
console-admin-month-bad = Tháng không hợp lệ. Chọn tháng dạng NĂM-THÁNG, ví dụ 2026-11.
console-admin-from-month = Từ tháng
console-admin-units-add = Thêm khu phố
console-admin-units-add-button = Thêm
console-admin-unit-name = Tên khu phố
console-admin-unit-households = Số hộ
console-admin-unit-class = Phân loại
console-admin-unit-retired = Thôi theo dõi
console-admin-unit-retired-from = từ { $period }
console-admin-units-list = Danh sách ({ $count } khu phố)
console-admin-unit-name-bad = Tên khu phố không được để trống và dài tối đa 80 ký tự. Gõ lại tên, ví dụ: Khu phố Nguyễn Trãi.
console-admin-unit-households-bad = Số hộ phải là số nguyên từ 0 đến 100000, chỉ gồm chữ số. Ví dụ: 150.
console-admin-unit-class-bad = Phân loại không hợp lệ. Chọn một trong ba loại trong danh sách.
console-admin-unit-added = Đã thêm { $unit }: { $households } hộ, phân loại { $class }.
console-admin-unit-record = Xem hồ sơ khu phố
console-admin-unit-rename = Đổi tên
console-admin-unit-new-name = Tên mới
console-admin-unit-set-households = Sửa số hộ
console-admin-unit-reclassify = Phân loại lại
console-admin-unit-retire = Thôi theo dõi
console-admin-unit-retire-help = Khu phố được giữ lại cùng các báo cáo cũ, nhưng không còn được nhắc báo cáo, tổng hợp hay xuất bảng từ tháng này.
console-admin-unit-retired-fixed = Khu phố đã thôi theo dõi được giữ làm lịch sử và không sửa được nữa.
console-admin-units-import = Nhập danh sách từ tệp
console-admin-units-import-help = Tệp CSV hoặc XLSX, dòng đầu là tiêu đề: Tên, Số hộ, Phân loại. Tên mới được thêm, tên đã có được cập nhật. Trước khi nhập, bạn sẽ xem những gì sẽ thay đổi.
console-admin-units-import-file = Tệp danh sách (.csv, .xlsx)
console-admin-units-import-check = Kiểm tra tệp
console-admin-import-none = Chưa chọn tệp. Chọn một tệp .csv hoặc .xlsx rồi bấm “Kiểm tra tệp”.
console-admin-import-unreadable = Không đọc được tệp ({ $reason }). Chọn tệp .csv hoặc .xlsx.
console-admin-import-bad-rows = Tệp { $file } có { $count } dòng sai; chưa nhập gì. Sửa các dòng dưới đây rồi tải lên lại.
console-admin-import-bad-row = Dòng { $line }: { $reason }
console-admin-import-retired = Dòng { $line }: “{ $unit }” là khu phố đã thôi theo dõi; đổi tên dòng đó rồi tải lên lại. Chưa nhập gì.
console-admin-import-stale = Bản xem trước không còn (quá 30 phút hoặc đã nhập). Tải tệp lên lại.
console-admin-import-preview-title = Xem trước khi nhập
console-admin-import-summary = { $file }: thêm { $added }, cập nhật { $updated }, giữ nguyên { $unchanged } khu phố. Chưa có gì thay đổi cho đến khi bạn bấm “Nhập”.
console-admin-import-confirm = Nhập
console-admin-import-added = Sẽ thêm
console-admin-import-updated = Sẽ cập nhật
console-admin-import-done = Đã nhập { $file }: thêm { $added }, cập nhật { $updated }, giữ nguyên { $unchanged } khu phố.
console-admin-invites-make = Tạo mã mời
console-admin-invites-make-help = Mã cho trưởng khu phố cần chọn khu phố; mã cho cán bộ không theo khu phố. Người nhận gõ /join MÃ trong chat.
console-admin-invites-make-button = Tạo mã
console-admin-invite-head-unit = Mã mời trưởng khu phố cần một khu phố. Chọn khu phố rồi tạo lại.
console-admin-invites-open = Mã chưa dùng ({ $count })
console-admin-invites-none = Không có mã nào chưa dùng.
console-admin-invite-code = Mã
console-admin-invite-until = Dùng được đến
console-admin-invite-revoke = Thu hồi
console-admin-invite-revoke-label = Thu hồi mã { $code }
console-admin-invite-revoked = Đã thu hồi mã; mã này không dùng được nữa.
console-admin-invite-gone = Mã này đã được dùng, đã hết hạn hoặc không có; không có gì thay đổi.
console-admin-people-help = Chỉ những người có vai trò (trưởng khu phố, người giúp đỡ, cán bộ). Người dân gửi tin báo không bao giờ hiện ở đây.
console-admin-people-none = Chưa có ai có vai trò.
console-admin-person = Người
console-admin-channels = Kênh liên lạc
console-admin-role-remove = Bỏ vai trò
console-admin-announcements-compose = Soạn thông báo
console-admin-announcement-text = Nội dung (tối đa { $max } ký tự)
console-admin-announcement-text-col = Nội dung
console-admin-audience = Người nhận
console-admin-announcement-send = Gửi thông báo
console-admin-audience-sizes = Số người nhận (tất cả khu phố)
console-admin-announcements-past = Thông báo đã gửi
console-admin-announcements-none = Chưa gửi thông báo nào.
console-admin-sent-at = Lúc gửi
console-admin-delivery-queued = Đang chờ
console-admin-delivery-sent = Đã gửi
console-admin-delivery-failed = Không gửi được
console-admin-announcement-empty = Thông báo chưa có nội dung. Gõ nội dung rồi gửi lại.
console-admin-announcement-long = Thông báo dài { $length } ký tự; tối đa { $max }. Rút ngắn rồi gửi lại.
console-admin-audience-bad = Người nhận không hợp lệ. Chọn trưởng khu phố, người giúp đỡ hoặc người dân đã đăng ký.
console-admin-months-help = Tháng đã khóa sổ thì không sửa báo cáo được. Chỉ khóa được tháng đã qua; mở khóa phải nêu lý do.
console-admin-lock-state = Trạng thái
console-admin-lock-history = Lịch sử
console-admin-lock-action = Thao tác
console-admin-locked = Đã khóa sổ
console-admin-open = Đang mở
console-admin-lock = Khóa sổ
console-admin-unlock = Mở khóa
console-admin-unlock-reason = Lý do mở khóa
console-admin-lock-running = Tháng chưa kết thúc
console-admin-lock-event-lock = Khóa bởi { $by } lúc { $at }
console-admin-lock-event-unlock = Mở khóa bởi { $by } lúc { $at }
console-admin-unlock-reason-bad = Mở khóa cần lý do (tối đa { $max } ký tự). Gõ lý do rồi bấm “Mở khóa”.
console-admin-changes-title = Nhật ký thay đổi
console-admin-changes-about = Mọi thay đổi làm từ trang quản lý: ai, lúc nào, việc gì (mới nhất trước).
console-admin-changes-col-what = Việc
console-admin-changes-col-about = Về
console-admin-changes-none = Chưa có thay đổi nào từ trang quản lý.
