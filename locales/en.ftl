## Vùng Xanh — English. Keep keys in step with vi.ftl; a test checks it.

demo-label = [DEMO] This is a trial run; the data is not real.

## Several lines kept together in one block
lines = { $lines }

## Buttons
btn-yes = Yes
btn-no = No
btn-skip = Skip
btn-keep = Keep: { $value }

## Greeting and help
help-resident =
    Hello! This is Vùng Xanh, the neighbourhood's drug-prevention channel.
    • /subscribe — receive your neighbourhood's announcements
    • /join CODE — take a role with an invite code (head, mentor, officer)
    • /link — link your Zalo and Telegram accounts
    • /lang vi — chuyển sang tiếng Việt
    • /cancel — stop what you are doing
help-head =
    Hello, head of { $unit }!
    • /report — your neighbourhood's monthly report
    • /cancel — stop what you are doing
    • /link — link your Zalo and Telegram accounts
    • /lang vi — chuyển sang tiếng Việt
help-mentor =
    Hello! You are a rehab mentor.
    • /cancel — stop what you are doing
    • /link — link your Zalo and Telegram accounts
    • /lang vi — chuyển sang tiếng Việt
help-officer =
    Hello, officer!
    • /broadcast — send an announcement to heads, mentors or residents
    • /summary [YYYY-MM] — the month summary
    • /invite head|mentor|officer [neighbourhood] — create an invite code
    • /lock YYYY-MM — lock a month (reports can no longer be corrected)
    • /cancel — stop what you are doing
    • /link — link your Zalo and Telegram accounts
    • /lang vi — chuyển sang tiếng Việt

## The engine's own answers
cancel-done = Cancelled. Nothing was saved.
cancel-nothing = You have nothing in progress.
unknown-command = There is no command “{ $command }”. Send /help to see the commands.
not-understood = I did not understand that. Send /help to see what you can do.
question-expired = That question is closed. Send /help to see what you can do.
finish-first = You are in the middle of something. Answer the question below, or send /cancel first.
error-internal = Sorry, something went wrong with your message. Your earlier answers are kept; please send it again.
lang-set = Switched to English.
lang-usage = Usage: /lang vi or /lang en
not-allowed = You are not allowed to use this command.
expect-text = Please answer with text.

## Join
join-usage = Usage: /join CODE (the invite code from a police officer).
join-invalid = The invite code “{ $code }” is not valid. Check it, or ask an officer for a new one.
join-used = This invite code has already been used. Ask an officer for a new one.
join-done-head = You are now the head of { $unit }. Send /report for the monthly report.
join-done-mentor = You are now a rehab mentor.
join-done-officer = You are now an officer. Send /summary for the month summary.

## Numbers
err-not-a-number = Please type a number in digits, for example: 3
err-negative = The number cannot be negative. Please type 0 or more.
err-not-whole = Please type a whole number, for example: 3
err-too-large = That number is too large. Please check it.
err-too-long = That is too long (at most { $max } characters). Please shorten it.
err-yes-no = Please answer Yes or No.

## Monthly report
field-addicts = Registered people with drug addiction
field-suspected = People suspected of drug use
field-newCases = New cases this month
field-familyRehab = People in family or community rehab
field-compulsoryReferrals = Dossiers for compulsory rehab
field-relapses = Relapses this month
field-householdsCommitted = Households that signed the commitment
field-propagandaSessions = Awareness sessions held
field-incidents = Drug-related incidents
field-suspectedSpots = Suspected dealing or using spots
field-notes = Recommendations, proposals

report-not-head = Only a neighbourhood head can file the monthly report. If you are one, send /join CODE with the officer's invite code.
report-locked = The month { $period } is locked; its report can no longer be sent or corrected. Please contact the police officer.
report-bad-period = You can report only this month or last month, for example: /report { $example }
report-start = Monthly report { $period } for { $unit }. { $count } questions; send /cancel to stop at any time.
report-start-correction = { $unit } already sent the report for { $period }. You are correcting it: tap “Keep” to keep a number.
report-question = ({ $index }/{ $count }) { $label }?
report-question-notes = ({ $index }/{ $count }) { $label }? (optional: send “skip” if none)
report-question-current = Reported before: { $value }
rule-exceeds-addicts = { $label } ({ $value }) cannot be more than the registered people with addiction ({ $addicts }).
rule-exceeds-households = Households that signed ({ $value }) cannot be more than the neighbourhood's households ({ $households }).
warn-big-change = { $label } changed a lot against last month: { $previous } → { $value }.
warn-new-cases-in-clean-unit = The neighbourhood is classed “no addiction” but has { $value } new cases.
warn-confirm = Are you sure this number is right? (Yes / No)
report-summary-title = Monthly report { $period } — { $unit }:
report-summary-line = { $index }. { $label }: { $value }
report-summary-warnings = Notes (officers will be told):
report-confirm = Send this report? (Yes / No)
report-pick-field = Which item do you want to change? Type its number (1–{ $count }), or /cancel.
report-pick-field-invalid = Please type a number from 1 to { $count }.
report-saved = The { $period } report of { $unit } is sent. Thank you!
report-corrected = The { $period } report of { $unit } is corrected ({ $changes } changed). The history of changes is kept.
report-unchanged = Nothing changed in the { $period } report.
notes-none = (none)

alert-report-warnings =
    ⚠️ { $unit } sent the { $period } report with points to check:
    { $warnings }
alert-report-corrected =
    ✏️ { $unit } corrected the { $period } report, the items:
    { $fields }

## Month summary
summary-title = 📊 Summary for { $period }
summary-count = Reports in: { $submitted } of { $total } neighbourhoods.
summary-totals = Totals (against last month):
summary-total-line = • { $label }: { $value } ({ $delta })
summary-delta-none = no figure for last month
summary-missing = Not reported yet: { $units }
summary-missing-none = Every neighbourhood has reported.
summary-warnings = Warnings:
summary-warning-line = • { $unit }: { $warning }
summary-locked = This month is locked.
summary-usage = Usage: /summary or /summary YYYY-MM

## Invites and locks
invite-usage = Usage: /invite head|mentor|officer [neighbourhood]. A head needs the neighbourhood's name.
invite-unknown-unit = No neighbourhood “{ $unit }”. The neighbourhoods: { $units }
invite-created = Invite code for { $role } { $unit }: { $code } — the taker sends /join { $code }. It works once.
role-head = neighbourhood head
role-mentor = rehab mentor
role-officer = officer
role-resident = resident
lock-usage = Usage: /lock YYYY-MM
lock-done = The month { $period } is locked. Its reports can no longer be corrected.
lock-already = The month { $period } was already locked.

## Scheduled jobs
btn-start-report = 📝 Start the report
btn-start-checkin = ✅ Confirm contacts
list-item = • { $item }
person-description = { $role } { $unit }
job-report-prompt = 📋 It is time for the { $period } report of { $unit }. Tap “Start the report” (or reply to this message) to begin. Deadline: { $deadline }.
job-report-reminder = ⏰ Reminder: { $unit } has not sent the { $period } report. Deadline { $deadline }; tap “Start the report” or reply to begin.
job-report-escalation =
    🚨 { $missing } of { $total } neighbourhoods have not sent the { $period } report:
    { $units }
job-report-escalation-none = ✅ All { $total } neighbourhoods sent the { $period } report.
job-checkin-prompt = 🤝 Week of { $week }: please confirm your contact with { $count } cases ({ $cases }). Tap “Confirm contacts” to begin.
job-checkin-reminder = ⏰ Reminder: week of { $week }, { $count } cases are not confirmed yet ({ $cases }).
job-checkin-escalation =
    🚨 Week of { $week }: { $count } cases were not confirmed:
    { $cases }
alert-unreachable =
    📵 Could not message { $count } people (job “{ $job }”): no channel reaches them. Please call:
    { $people }
alert-undeliverable =
    📵 Could not deliver a message to { $who } on { $channel } ({ $reason }). Please call.
reason-outside-window = the person has not written to the Zalo OA for over 48 hours, so Zalo refuses it
reason-failed = failed after several tries
reason-unreachable = the person blocked the bot or left the channel

## Announcements: /subscribe (/dangky), /unsubscribe (/huydangky), /broadcast (/thongbao)
unit-button = { $unit }
btn-all-units = All neighbourhoods
btn-all = All
btn-audience-heads = Neighbourhood heads
btn-audience-mentors = Rehab mentors
btn-audience-residents = Subscribed residents
unit-unknown = No neighbourhood “{ $unit }”. The neighbourhoods: { $units }
unit-expected = Please tap a button below, or type the neighbourhood's name.
subscribe-not-needed = As { $role } you already receive the announcements for your role; no need to subscribe.
subscribe-ask-unit-buttons = Which neighbourhood's announcements do you want? Tap one below (/cancel to stop).
subscribe-ask-unit-typed = Which neighbourhood's announcements do you want? Type its name, or tap “All neighbourhoods” (/cancel to stop).
subscribe-done-unit = You will receive the announcements of { $unit }. Send /unsubscribe to stop.
subscribe-done-all = You will receive the announcements of all neighbourhoods. Send /unsubscribe to stop.
subscribe-unit-gone = That neighbourhood no longer exists. Send /subscribe to choose again.
unsubscribe-done = Unsubscribed: you will not receive announcements any more. Send /subscribe to subscribe again.
unsubscribe-not-subscribed = You are not subscribed to announcements. Send /subscribe to subscribe.
unsubscribe-not-needed = As { $role } you receive the announcements for your role; there is no subscription to stop.
audience-heads = neighbourhood heads
audience-mentors = rehab mentors
audience-residents = subscribed residents
audience-all-units = all neighbourhoods
broadcast-ask-audience = Who is the announcement for?
broadcast-bad-audience = Please choose: Neighbourhood heads, Rehab mentors or Subscribed residents.
broadcast-ask-unit = Which neighbourhood? Tap “All” or type the neighbourhood's name.
broadcast-ask-text = Type the announcement (at most { $max } characters):
broadcast-nobody = There are no { $audience } ({ $unit }) to receive it. Nothing was sent.
broadcast-summary = Send to { $count } people: { $audience }, { $unit }. They will read:
broadcast-message =
    📢 Announcement from the police:
    { $text }
broadcast-confirm = Send this announcement? (Yes / No)
broadcast-not-sent = Cancelled; no announcement was sent.
broadcast-sent = Announcement sent: { $queued } people will receive it; { $unreachable } have no reachable channel.
broadcast-unit-gone = That neighbourhood no longer exists. Nothing was sent.

## Linking Zalo and Telegram
link-code = Link code: { $code }. Within { $minutes } minutes, open Vùng Xanh in your other app (Zalo or Telegram) and send: /link { $code }
link-done = Your two apps are linked. Reminders go to the app you used last.
link-invalid = The link code “{ $code }” is wrong or used. Send /link in the other app for a new one.
link-expired = The link code has expired. Send /link in the other app for a new one.
link-same = This code belongs to this account. Send it from your other app.
link-conflict = Cannot link: the two accounts have different roles. Please contact an officer.
