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
help =
    { $hello }
    { $lines }
help-hello-resident = Hello! This is Vùng Xanh, the neighbourhood's drug-prevention channel.
help-hello-head = Hello, head of { $unit }!
help-hello-mentor = Hello! You are a rehab mentor.
help-hello-officer = Hello, officer!
help-line-tip = • /tip — send a tip about drugs (anonymous)
help-line-tips = • /tips — open tips; /tip CODE — open one
help-line-broadcast = • /broadcast — send an announcement to heads, mentors or residents
help-line-summary = • /summary [YYYY-MM] — the month summary; /summary NEIGHBOURHOOD [YYYY-MM] — one neighbourhood's month
help-line-invite = • /invite head|mentor|officer [neighbourhood] — create an invite code
help-line-people = • /people [neighbourhood] — who holds a role (numbered); /removerole [neighbourhood] NUMBER — remove one
help-line-lock = • /lock YYYY-MM — lock a past month (reports can no longer be corrected); /unlock YYYY-MM REASON — reopen it
help-line-units = • /units [neighbourhood] — read, rename, set households, reclassify or retire a neighbourhood
help-line-cases = • /cases — this week's rehab cases: not confirmed, overdue, needing attention
help-line-case = • /case CODE — one case; /casestatus — change its status
help-line-newcase = • /newcase — open a rehab support case; /caseinvite CODE — a mentor invite for it
help-line-report = • /report — your neighbourhood's monthly report
help-line-checkin = • /checkin — the weekly confirmation of your contact with the cases you support
help-line-subscribe = • /subscribe — receive your neighbourhood's announcements
help-line-join = • /join CODE — take a role with an invite code (head, mentor, officer)
help-line-link = • /link — link your Zalo and Telegram accounts
help-line-web = • /web — a one-time link to sign in to the console in a browser (10 minutes)
help-line-cancel = • /cancel — stop what you are doing
help-line-lang = • /lang vi — chuyển sang tiếng Việt
help-resident =
    Hello! This is Vùng Xanh, the neighbourhood's drug-prevention channel.
    • /tip — send a tip about drugs (anonymous)
    • /subscribe — receive your neighbourhood's announcements
    • /join CODE — take a role with an invite code (head, mentor, officer)
    • /link — link your Zalo and Telegram accounts
    • /lang vi — chuyển sang tiếng Việt
    • /cancel — stop what you are doing
help-head =
    Hello, head of { $unit }!
    • /tip — send a tip about drugs (anonymous)
    • /report — your neighbourhood's monthly report
    • /commitments — record households that signed the commitment; /commitments view — the register
    • /cancel — stop what you are doing
    • /link — link your Zalo and Telegram accounts
    • /lang vi — chuyển sang tiếng Việt
help-mentor =
    Hello! You are a rehab mentor.
    • /tip — send a tip about drugs (anonymous)
    • /checkin — the weekly confirmation of your contact with the cases you support
    • /cancel — stop what you are doing
    • /link — link your Zalo and Telegram accounts
    • /lang vi — chuyển sang tiếng Việt
help-officer =
    Hello, officer!
    • /tips — open tips; /tip CODE — open one
    • /broadcast — send an announcement to heads, mentors or residents
    • /summary [YYYY-MM] — the month summary
    • /invite head|mentor|officer [neighbourhood] — create an invite code
    • /people [neighbourhood] — who holds a role (numbered); /removerole [neighbourhood] NUMBER — remove one
    • /summary NEIGHBOURHOOD [YYYY-MM] — one neighbourhood's month
    • /commitments — record households that signed for a neighbourhood; /commitments view — each neighbourhood's total
    • /lock YYYY-MM — lock a past month (reports can no longer be corrected); /unlock YYYY-MM REASON — reopen it
    • /units [neighbourhood] — read, rename, set households, reclassify or retire a neighbourhood
    • /cases — this week's rehab cases: not confirmed, overdue, needing attention
    • /case CODE — one case; /casestatus — change its status
    • /newcase — open a rehab support case; /caseinvite CODE — a mentor invite for it
    • /cancel — stop what you are doing
    • /link — link your Zalo and Telegram accounts
    • /lang vi — chuyển sang tiếng Việt

## The engine's own answers
cancel-done = Cancelled. Nothing was saved.
cancel-nothing = You have nothing in progress.
unknown-command = There is no command “{ $command }”. Send /help to see the commands.
not-understood = I did not understand this message. Tap a button below, or send /help to see what you can do.
question-expired = That question is closed. Send /help to see what you can do.
conversation-restarted = The system was just updated, so the question you were answering has ended; your answers so far were not saved. Please start again (for example /report). Sorry for the trouble.
not-understood-media = I can only read text and buttons (not voice notes or stickers). Please tap a button, or type.
choice-ambiguous =
    Which one do you mean?
    { $options }
    Please tap one of the buttons below.
finish-first = You are in the middle of something. Answer the question below, or send /cancel first.
error-internal = Sorry, something went wrong with your message. Your earlier answers are kept; please send it again.
lang-set = Switched to English.
lang-usage = Usage: /lang vi or /lang en
not-allowed = You are not allowed to use this command.
expect-text = Please answer with text.
expect-text-not-media = I cannot listen to voice notes or read stickers yet. Please tap a button or type.
err-count-not-a-number = Please type a number, for example: 3. If there are none, type 0.
err-count-negative = The number cannot be negative. If there are none, type 0.
err-count-not-whole = Please type a whole number, for example: 3.
err-count-too-large = That number is too large. Please check it, for example: 12.
err-count-range = Please type one number (not a range), for example: 3.
err-count-vague = Please type an exact number, for example: 3. If there are none, type 0.
err-count-two-numbers = Please type just one number, for example: 12.
count-confirm = Do you mean { $value }?

## Join
join-usage = Usage: /join CODE (the invite code from a police officer).
join-invalid = The invite code “{ $code }” is not valid. Check it, or ask an officer for a new one.
join-used = This invite code has already been used. Ask an officer for a new one.
join-expired = This invite code has expired. Ask an officer for a new one.
code-wait = Too many wrong codes. Please try again in { $minutes } minutes.
join-done-head = You are now the head of { $unit }. Send /report for the monthly report.
join-done-mentor = You are now a rehab mentor.
join-roles-now =
    Your roles now:
    { $roles }
join-already-head = You already report for { $unit }: this invite code was not used, give it back to the officer.
join-already-mentor = You are already a rehab mentor: this invite code was not used, give it back to the officer.
join-already-officer = You are already an officer: this invite code was not used, give it back to the officer.
join-confirm-head =
    This code makes you report for { $unit }.{ $reporters ->
        [0] {""}
       *[other] { " " }{ $unit } already has { $reporters } reporting for it; they keep reporting, and there is still one report a month.
    }{ $own ->
        [0] {""}
       *[other] { " " }You still report for { $units }.
    }
    Take this role as well? Tap “Yes”, or type /join { $code } yes
join-confirm-no = Cancelled: the invite code was not used.
grant-head = head (reports for) { $unit }
grant-mentor = rehab mentor
grant-officer = officer
report-pick-unit = Which neighbourhood are you reporting for? Tap a button or type its name.
report-pick-unit-invalid = Which neighbourhood? Tap a button or type one of: { $units }
people-list =
    People holding a role in { $unit } (to remove one: /removerole { $unit } NUMBER):
    { $lines }
people-list-officers =
    The officers (to remove one: /removerole NUMBER; one neighbourhood: /people NEIGHBOURHOOD):
    { $lines }
people-line = { $n }. { $role } { $unit } — person #{ $id }, on { $channels }
people-none = Nobody holds a role in { $unit } yet.
people-unit-unknown = No neighbourhood “{ $unit }”. Type /people NEIGHBOURHOOD, or /people for the officers.
roles-remove-usage = Usage: /removerole NEIGHBOURHOOD NUMBER — the number in /people NEIGHBOURHOOD (officers: /removerole NUMBER from /people).
roles-remove-bad-number = There is no number { $n } in the list ({ $count } lines). Type /people to see it again.
roles-removed = Removed the role { $what } from person { $who }. Their other roles stay.
roles-remove-gone = Person { $who } no longer holds the role { $what }.
roles-remove-last-officer = Not removed: this is the last officer.
join-done-officer = You are now an officer. Send /summary for the month summary.

## Numbers
err-not-a-number = Please type a number in digits, for example: 3
err-negative = The number cannot be negative. Please type 0 or more.
err-not-whole = Please type a whole number, for example: 3
err-too-large = That number is too large. Please check it.
err-too-long = That is too long (at most { $max } characters). Please shorten it.
err-yes-no = Please type “yes” or “no” (or tap a button).

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
report-unit-retired = { $unit } is retired from { $period }: no more reports are needed. If this is a mistake, please contact the officers.
report-locked = The month { $period } is locked; its report can no longer be sent or corrected. Please contact the police officer.
report-bad-period = You can report only this month or last month, for example: /report { $example }
report-start = Monthly report { $period } for { $unit }. { $count } questions; send /cancel to stop at any time.
report-start-correction = { $unit } already sent the report for { $period }. Here it is: type the number of the item to change (for example: 8), or “yes” to keep it as it is.
report-question = ({ $index }/{ $count }) { $label }?
report-question-notes = ({ $index }/{ $count }) { $label }? (optional: send “skip” if none)
report-question-current = Reported before: { $value }
report-question-suggested = Suggested { $source }: { $value }
rule-exceeds-addicts = { $label } ({ $value }) cannot be more than the registered people with addiction ({ $addicts }).
rule-exceeds-households = Households that signed ({ $value }) cannot be more than the neighbourhood's households ({ $households }).
warn-big-change = { $label } changed a lot against last month: { $previous } → { $value }.
warn-new-cases-in-clean-unit = The neighbourhood is classed “no addiction” but has { $value } new cases.
warn-confirm = Are you sure this number is right? (Yes / No)
report-summary-title = Monthly report { $period } — { $unit }:
report-summary-line = { $index }. { $label }: { $value }
report-summary-warnings = Notes (officers will be told):
report-confirm = Send this report? Type “yes” to send it, or the number of an item to change (for example: 8).
report-confirm-unclear = Type “yes” to send, or the number of the item to change (1–{ $count }), for example: 8.
report-pick-field = Which item do you want to change? Type its number (1–{ $count }) or its name, for example: 8.
report-pick-field-invalid = Which item? Type a number from 1 to { $count }, for example: 8.
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
summary-missing = Not reported yet ({ $count }): { $units }{ $more ->
        [0] {""}
       *[other] {" "}and { $more } more
    }.
summary-no-head = No head, so nobody can report ({ $count }): { $units }{ $more ->
        [0] {""}
       *[other] {" "}and { $more } more
    }. Make an invite: /invite head NEIGHBOURHOOD
summary-warnings-more = … and { $more } more warnings (one neighbourhood: /summary NEIGHBOURHOOD).
summary-unit-hint = One neighbourhood: /summary NEIGHBOURHOOD [YYYY-MM]
summary-unit-title = 📊 { $unit } — { $period }
summary-unit-info = Class: { $class }; { $households } households.
summary-unit-retired = Retired from { $period }.
summary-unit-missing = Not reported yet this month.
summary-unit-no-head = Not reported: the neighbourhood has no head (make an invite with /invite head NEIGHBOURHOOD).
summary-unit-sent = Reported at { $at } (against last month):
summary-unit-notes = • Suggestions: { $notes }
summary-unknown-unit = No neighbourhood “{ $unit }”.
summary-missing-none = Every neighbourhood has reported.
summary-warnings = Warnings:
summary-warning-line = • { $unit }: { $warning }
summary-locked = This month is locked.
summary-usage = Usage: /summary or /summary YYYY-MM (every neighbourhood), /summary NEIGHBOURHOOD [YYYY-MM] (one)

## Invites and locks
invite-usage = Usage: /invite head|mentor|officer [neighbourhood]. A head needs the neighbourhood's name.
invite-unknown-unit = No neighbourhood “{ $unit }”. The neighbourhoods: { $units }
invite-created = Invite code for { $role } { $unit }: { $code } — the taker sends /join { $code }. It works once, until { $until }.
role-head = neighbourhood head
role-mentor = rehab mentor
role-officer = officer
role-resident = resident
lock-usage = Usage: /lock YYYY-MM, e.g. /lock { $example }
lock-done = The month { $period } is locked. Its reports can no longer be corrected.
lock-already = The month { $period } was already locked.

## Scheduled jobs
btn-start-report = 📝 Start the report
btn-start-checkin = ✅ Confirm contacts
btn-help = ❓ Help
btn-start-tip = 📣 Send a tip
btn-summary = 📊 Summary
btn-tips = 📨 Tips
btn-subscribe = 🔔 Announcements
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
alert-quarantined =
    ⚠️ { $count ->
        [one] A message
       *[other] { $count } messages
    } in the sending queue could not be read (wrong data key or corrupted) and { $count ->
        [one] was
       *[other] were
    } set aside; everything else is still sent. Please tell the system administrator.
flood-limited =
    You are sending messages too fast for us to handle. Please wait about { $seconds } seconds, then send your message again.
alert-inbound-quarantined =
    ⚠️ An incoming message could not be read (perhaps the server's data key changed) and was set aside, not acted on. Every other message is handled as usual. Please ask the system administrator to check the data key (DATA_KEY).
alert-undeliverable =
    📵 Could not deliver a message to { $who } on { $channel } ({ $reason }). Please call.
reason-outside-window = the person has not written to the Zalo OA for over 48 hours, so Zalo refuses it
reason-failed = failed after several tries
reason-unreachable = the person blocked the bot or left the channel
alert-tipster-unreachable = 📵 A message to the tipster of tip { $code } could not be delivered. The tipster can still follow up with the tip code; there is no other way to reach them.

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
link-code = Link code: { $code }. Within { $minutes } minutes, open Vùng Xanh in your other app (Zalo or Telegram) and send: /link { $code } — then confirm here. Do not give this code to anyone.
link-done = Your two apps are linked. Reminders go to the app you used last.
link-invalid = The link code “{ $code }” is wrong or used. Send /link in the other app for a new one.
link-expired = The link code has expired. Send /link in the other app for a new one.
link-same = This code belongs to this account. Send it from your other app.
link-conflict = Cannot link: both accounts hold a role (head, mentor or officer). Please contact an officer.
link-claimed = This link code was already sent from another account and waits for confirmation. Send /link in the other app for a new one.
link-waiting = Link request sent. Within { $minutes } minutes, tap “Yes” in the other app (where you got the code) to finish.
link-confirm-ask = 🔗 Someone just sent your link code { $code } from another app. If that was you, tap “Yes” (or type /link yes) within { $minutes } minutes: the two accounts become one. If it was not you, tap “No”.
link-waiting-role = Link request sent. Note: once linked, the other app can use your powers as { $role }. Go on only if that app is your own; if not, send /link no now to cancel. To finish, tap “Yes” in the other app within { $minutes } minutes.
link-withdrawn = Link request cancelled. Nothing changed.
link-yes = Yes
link-no = No
link-declined-owner = Link refused. Nothing changed.
link-declined = The link was refused in the other app. Nothing changed.
link-nothing = No link request is waiting for your answer. Send /link for a link code.

## Rehab support: /checkin (/xacnhan) for mentors; /cases (/hoso), /case (/xemca), /casestatus (/trangthaica), /newcase (/moca), /caseinvite (/moigiupdo) for officers
join-done-case = You are now a mentor of case { $code }. Each week, send /checkin to confirm your contact.
checkin-not-mentor = Only rehab mentors confirm contacts. If you were assigned, ask an officer for an invite code.
checkin-no-cases = You have no case to confirm for the week of { $week }.
checkin-bad-case-start = You do not mentor case “{ $code }”. Your cases: { $cases }
checkin-case-intro = Case { $code } — week of { $week }.
checkin-case-intro-again = Case { $code } — week of { $week }. You already confirmed it this week; this will replace it.
checkin-ask-case =
    Contact confirmation, week of { $week }. Choose a case:
    { $cases }
checkin-ask-case-all-checked =
    You have confirmed every case for the week of { $week }. Choose one to correct it (or send /cancel):
    { $cases }
checkin-ask-next =
    { $count } case(s) saved so far. Choose the next case, or tap “Done”:
    { $cases }
checkin-case-line = • { $code } — { $status }
checkin-case-todo = not confirmed
checkin-case-checked = confirmed ✓
checkin-case-recorded = just saved ✓
checkin-case-button = { $code }
btn-checkin-finish = Done
checkin-type-code = Type the case code.
checkin-case-expected = Please tap a button below, or type a case code.
checkin-bad-case = There is no case “{ $code }” in your list. Your cases: { $cases }
checkin-nothing = No case recorded; nothing saved.
checkin-ask-contacted = Did you reach { $code } this week?
checkin-ask-method = How did you reach { $code }?
checkin-method-in_person = Met in person
checkin-method-phone = Phone
checkin-method-family_visit = Visited the family
checkin-ask-state = How is { $code } this week?
checkin-ask-state-unreached = You could not reach { $code }. Have you heard anything about how they are?
checkin-state-stable = Stable
checkin-state-worrying = Worrying signs
checkin-state-suspected_relapse = Suspected relapse
checkin-state-unreachable = Could not reach
checkin-bad-choice =
    Please tap a button below, type its text or its number:
    { $options }
checkin-options = { $options }
checkin-option = { $n }. { $label }
checkin-ask-note = A note (at most { $max } characters; no names)? Tap “Skip” if none.
checkin-not-contacted = not reached
checkin-summary =
    Case { $code } — week of { $week }:
    • Reached: { $contacted }
    • How: { $method }
    • State: { $state }
    • Note: { $note }
checkin-confirm = Is this right? (Yes / No)
checkin-redo = Answer again for { $code }.
checkin-saved =
    ✅ Saved your confirmation for the week of { $week } ({ $count } case(s)):
    { $cases }
checkin-line = { $code }: { $state } ({ $method })
checkin-refused = Not saved: { $cases } (you no longer mentor it, or the case is no longer followed).
checkin-officers-told = The police officers have been told at once.
checkin-all-done = You have confirmed every case for the week of { $week }. Thank you!
checkin-left = { $count } case(s) still to confirm this week: { $cases }. Send /checkin to go on.
alert-checkin-relapse = 🚨 Case { $code } ({ $unit }): the mentor reports a SUSPECTED RELAPSE (week of { $week }). Send /case { $code } to see it.
alert-checkin-unreached = ⚠️ Case { $code } ({ $unit }): not reached two weeks in a row (weeks of { $previous } and { $week }). Send /case { $code } to see it.
case-status-active = Active
case-status-completed = Completed
case-status-relapsed = Relapsed
case-status-compulsory = Compulsory rehab
cases-title = 📁 Rehab support — week of { $week }: { $count } case(s) to confirm, { $done } confirmed.
cases-none = No case is being supported this week. Send /newcase to open one.
cases-due = Not confirmed this week ({ $count }):
cases-due-none = Every case has been confirmed this week.
cases-overdue = Overdue — nobody confirmed last week ({ $count }):
cases-attention = Needs attention ({ $count }):
cases-line = { $code } ({ $unit }){ $extra }
cases-line-no-mentor = { $code } ({ $unit }){ $extra } — no mentor yet
cases-line-state = : { $state }
cases-more = … and { $count } more
cases-hint = Send /case CODE to see a case, /casestatus to change its status, /newcase to open a new one.
case-usage = Usage: /case CODE (e.g. /case NT-01)
case-unknown = There is no case “{ $code }”.
case-unknown-list = There is no case “{ $code }”. Cases: { $cases }
case-title = 📁 Case { $code } — { $unit } — { $status }
case-name = Name (officers only): { $name }
case-name-none = No name recorded.
case-name-unreadable = A name is recorded but cannot be decrypted (another DATA_KEY than when it was stored).
case-period = From { $start } to { $end }; { $mentors } mentor(s).
case-end-none = not set
case-history = Latest confirmations:
case-history-none = No confirmation yet.
case-history-line = Week of { $week }: { $state } ({ $method })
case-history-line-note = Week of { $week }: { $state } ({ $method }). Note: { $note }
case-invite-inactive = Case { $code } is “{ $status }”: only an active case takes new mentors.
case-invite-usage = Usage: /caseinvite CODE — an invite code for a mentor of one case.
case-invite-created = Mentor invite for case { $code }: { $invite } (the person sends /join { $invite }; works once, until { $until }).
case-none-yet = There is no case yet. Send /newcase to open one.
case-status-ask-code = Change the status of which case? Type its code: { $cases }
case-status-ask = New status of { $code }?
case-status-bad = Please choose: Active, Completed, Relapsed or Compulsory rehab.
case-status-usage = Usage: /casestatus CODE active|completed|relapsed|compulsory
case-status-same = { $code } is already “{ $status }”. Nothing changed.
case-status-done = Changed the status of { $code }: { $from } → { $to }.
case-no-units = There are no neighbourhoods yet. Ask the operator to add them first.
case-ask-code = The new case's code (letters and digits, e.g. NT-01; never a name)?
case-bad-code = A code is letters, digits (at least one) and dashes inside, no spaces, at most 20 characters, e.g. NT-01.
case-exists = There is already a case { $code }. Please choose another code.
case-ask-unit-buttons = Which neighbourhood is the case in?
case-ask-unit-typed = Which neighbourhood is the case in? Type its name.
btn-today = Today
case-ask-start = Start date of the support? Tap “Today” or type the date (DD/MM/YYYY).
case-bad-date = Please type a date as DD/MM/YYYY, e.g. 23/11/2026.
case-ask-end = Planned end date (DD/MM/YYYY)? Tap “Skip” if not set.
case-end-before-start = The end date must be { $start } or later.
case-open-summary =
    Open case { $code }:
    • Neighbourhood: { $unit }
    • From { $start } to { $end }
case-open-confirm = Open this case? (Yes / No)
case-open-cancelled = Cancelled; no case opened.
case-ask-name = The supported person's full name (at most { $max } characters)? Only officers can see it; it is stored encrypted. Tap “Skip” to leave it out.
case-name-saved = The name is stored encrypted; only officers can see it (/case).
case-unit-gone = This neighbourhood no longer exists. No case opened.
case-opened = ✅ Opened case { $code } ({ $unit }), from { $start } to { $end }.

## Tips
tip-cat-dealing = Dealing
tip-cat-using = Using, gathering
tip-cat-spot = Suspected spot
tip-cat-person = Suspicious person
tip-cat-other = Other
btn-anonymous = 🔒 Anonymous
btn-named = Leave my name
tip-start = 🔒 Send a tip about drugs. By default you are anonymous: officers do not know who you are. Send /cancel to stop at any time.
tip-q-category = What is the tip about?
tip-q-description = What happened: who, doing what, how?
tip-q-place = Where? Type an address, or send a location pin. Send “skip” if you do not know.
tip-q-when = When? (for example: last night around 9). Send “skip” if you do not know.
tip-q-unit = Which neighbourhood? Tap the neighbourhood where it happened, or type its name. If you do not know, tap “Not known / Skip”.
btn-tip-unit-unknown = Not known / Skip
tip-err-unit = Please tap a neighbourhood below, type its name ({ $units }), or send “skip” if you do not know.
tip-err-unit-unknown = No neighbourhood “{ $unit }”. The neighbourhoods: { $units }. Type the name again, or send “skip” if you do not know.
tip-q-photo = A photo? Send one, or send “skip”.
tip-q-identity = Send it anonymously (recommended), or leave your name so an officer can contact you?
tip-q-contact = Your name and phone number for the officer?
tip-q-answer = Your answer? (you stay anonymous)
tip-err-choice = Please pick one with the buttons, or type its name.
tip-err-desc-short = Please say a little more (at least { $min } characters).
tip-err-place = Please type an address or send a location, or send “skip”.
tip-err-photo = Please send a photo, or send “skip”.
tip-err-photo-large = That photo is too large (at most { $mb } MB). Send a smaller one, or “skip”.
tip-summary = Check your tip:
tip-line-category = Kind: { $value }
tip-line-description = What: { $value }
tip-line-place = Where: { $value }
tip-line-location = Location: { $lat }, { $lng }
tip-line-unit = Neighbourhood: { $value }
tip-line-when = When: { $value }
tip-line-photo = 📷 With a photo
tip-line-anonymous = 🔒 Anonymous
tip-line-named = The tipster left: { $contact }
tip-confirm = Send this tip? (Yes / No)
tip-not-sent = The tip was not sent. Nothing was saved.
tip-created =
    ✅ Your tip is sent. Thank you!
    Tip code: { $code }
    Secret: { $secret }
    Write both down and show them to no one. Send /tip { $code } to see its status. If the tip helps, you may be rewarded: give both codes to an officer to prove the tip is yours without saying who you are.
tip-refused-blocked = You cannot send tips on this channel now. Please contact the commune police station directly.
tip-refused-too-many = You sent { $max } tips in the last hour. Please try again later.
tip-usage = Usage: /tip to send a new tip, or /tip CODE to see one you sent.
tip-not-found = No tip “{ $code }”.
tip-mine = Tip { $code }: { $status }.
tip-mine-question = An officer asks: “{ $question }”
tip-answer-sent = Your answer went to the officers. You stay anonymous.
tip-question-to-tipster =
    ❓ An officer asks about your tip { $code }: “{ $question }”
    Answer in your next message. You stay anonymous.
tip-status-to-tipster = Your tip { $code }: { $status }. Thank you!
tip-status-new = new
tip-status-checking = being checked
tip-status-handled = handled
tip-status-unfounded = unfounded
alert-tip = 🆘 New tip { $code }
alert-tip-answer = 💬 The tipster of { $code } answers: “{ $text }”
tips-none = No open tips.
tips-title = Open tips ({ $count }):
tips-line = { $code } · { $category } · { $status } · { $date }: { $excerpt }
tips-hint = Send /tip CODE to open one.
tip-officer-title = Tip { $code } — { $status } — sent { $date }
tip-exchange-question = ❓ Officer asked: { $text }
tip-exchange-answer = 💬 Tipster answered: { $text }
tip-officer-actions = Act: /tipstatus { $code } checking|handled|unfounded · /ask { $code } question · /reward { $code } · /tipblock { $code }
tip-is-rewarded = 🏅 Marked for a reward.
tip-not-rewarded = Not marked for a reward: send /reward CODE if it deserves one.
tip-moved = Tip { $code }: { $from } → { $to }. The tipster is told the new status.
tip-move-not-allowed = Tip { $code } cannot go from “{ $from }” to “{ $to }”.
tip-move-usage = Usage: /tipstatus CODE checking|handled|unfounded
tip-ask-usage = Usage: /ask CODE question
tip-asked = Your question went to the tipster of { $code }. Their answer comes here.
tip-ask-unreachable = The question is saved, but the tipster of { $code } cannot be messaged now; they will see it with /tip { $code }.
tip-blocked = The sender of tip { $code } is blocked from sending tips. Nobody learns who it is.
tip-rewarded = 🏅 Tip { $code } is marked for a reward. The tipster proves it with the secret (/verify).
tip-reward-already = Tip { $code } was already marked for a reward.
tip-verify-ok = ✅ The secret matches: whoever showed it sent tip { $code }. { $rewarded }
tip-verify-bad = ❌ That secret does not match tip { $code }.
tip-unit-set = ✅ Tip { $code } now records where it happened: { $unit }.
tip-unit-cleared = ✅ Tip { $code } no longer records a neighbourhood.
tip-unit-bad = ❌ That neighbourhood does not exist or is retired. Choose one from the list.
tip-verify-usage = Usage: /verify TIP-CODE SECRET
tip-code-usage = Usage: the command, then the tip code, for example /tipblock TB-ABC234
checkin-closed = Done. { $count } case(s) of the week of { $week } saved. Thank you!

## Locking and unlocking a month
lock-not-ended = The month { $period } has not ended: only a past month can be locked.
unlock-usage = Usage: /unlock YYYY-MM REASON, e.g. /unlock { $example } Chi Linh typed the wrong household count
unlock-not-locked = The month { $period } is not locked; its reports can still be corrected.
unlock-ask-reason = Why reopen { $period }? The reason is kept. (Send /cancel to stop.)
unlock-reason-expected = Please type the reason for reopening (at most 500 characters), or /cancel.
unlock-done = { $period } is open again. Heads can correct their reports; lock it again with /lock when done.

## Units (/units)
class-priority = Priority (complex)
class-has_cases = Has cases
class-clean = Clean
btn-unit-rename = Rename
btn-unit-households = Households
btn-unit-class = Class
btn-unit-retire = Retire
units-overview = { $total } neighbourhoods in service: { $priority } priority, { $hasCases } with cases, { $clean } clean.
units-usage = Usage: /units NEIGHBOURHOOD — read and change one neighbourhood. Many at once: npm run admin -- units import FILE.
units-unknown = No neighbourhood “{ $unit }”.
unit-card = { $unit }: { $households } households; class: { $class }.
unit-class-history = Class history:
unit-class-history-line = • from { $period }: { $from } → { $to }
unit-card-retired = Retired from { $period } (kept in the history; no prompts, not in summaries).
unit-ask-action = What do you want to change of { $unit }? (Send /cancel to stop.)
unit-action-expected = Please tap a button, or type: rename, households, class, retire.
unit-ask-name = The new name of { $unit }?
unit-name-expected = Please type the new name (1 to 80 characters).
unit-name-same = That is its name already. Please type a new one, or /cancel.
unit-ask-households = Households of { $unit } (now { $households })?
unit-households-expected = Households must be 0 to 100,000. Please type it again.
unit-ask-class = The new class of { $unit } (now: { $class }), from { $period } on?
unit-class-expected = Please tap a button, or type: priority, has cases, clean.
unit-ask-retire = Retire { $unit } from { $period }? It stays in the history but gets no prompts and is left out of summaries and exports from this month.
unit-retire-kept = Nothing changed: { $unit } stays in service.
unit-gone = This neighbourhood is no longer in service; nothing changed.
unit-renamed = Renamed “{ $from }” to “{ $to }”.
unit-name-taken = There is already a neighbourhood named “{ $name }”; nothing changed.
unit-households-set = Households of { $unit }: { $from } → { $to }.
unit-class-same = { $unit } is classed { $class } already; nothing changed.
unit-reclassified = { $unit } reclassified from { $period }: { $from } → { $to }. The change is kept in the history.
unit-retired = { $unit } is retired from { $period }. Its past reports are kept.

## The officers' console (web, issue 14)
console-link = Open the console: { $url }
    The link works once, for { $minutes } minutes. Do not forward it to anyone.
console-brand = Vùng Xanh · Console
console-skip = Skip to the main content
console-nav-label = Sections
console-nav-overview = Overview
console-nav-green = Green zone
console-nav-tips = Tips
console-nav-cases = Rehab
console-nav-admin = Administration
console-nav-docs = Documents
console-docs-title = Documents
console-docs-lead = Download the monthly consolidated table for the files, or make the review report in the administrative layout.
console-docs-monthly-heading = Monthly consolidated table
console-docs-monthly-text = Every neighbourhood in service that month, reported or not. The Excel file prints and files; the CSV is for machines.
console-docs-download-xlsx = Download Excel (.xlsx)
console-docs-download-csv = Download CSV
console-docs-month-bad = That is not a month. Choose a month as YEAR-MONTH, for example { $example }.
console-docs-month-future = { $month } has not come yet. Choose { $current } or a month before it.
console-docs-review-heading = Review report
console-docs-review-text = Figures and tables come from the neighbourhoods' reports. The parts below are the officer's to write; a part left empty prints as dotted lines to fill in by hand.
console-docs-review-choices = Quick choice:
console-docs-review-last = last { $months } months
console-docs-review-range = Period of the report
console-docs-review-from = From month
console-docs-review-to = To month
console-docs-review-number = Document number (after "Số:", may be left empty)
console-docs-review-shortcomings = II. Shortcomings
console-docs-review-shortcomings-hint = What was not achieved, and why.
console-docs-review-directions = III. Directions and tasks ahead
console-docs-review-directions-hint = What is to be done next.
console-docs-review-proposals = IV. Proposals
console-docs-review-proposals-hint = Requests to the level above, including proposals to commend groups or people.
console-docs-review-blank = Start a new line for a new paragraph. The report names no tipster and no one in rehabilitation; do not write their names here.
console-docs-review-submit = Make the report (.docx)
console-docs-range-backwards = The first month ({ $from }) is after the last ({ $to }). Choose a first month before or equal to the last.
console-docs-range-long = The period is { $months } months long; a report covers at most { $max } months. Shorten the period.
console-docs-number-bad = The document number goes on one line, at most { $max } characters, for example 15/BC-CAX.
console-docs-part-long = The part "{ $part }" is too long. Shorten it and make the report again.
console-nav-logout = Sign out
console-signin-title = Sign in to the console
console-signin-body = You are not signed in, or your session has ended.
console-signin-how = To sign in, send /web (or /trangweb) to the Vùng Xanh bot on Zalo or Telegram. It answers with a link that works once, for 10 minutes.
console-link-used-title = This link was used already
console-link-used-body = This sign-in link has been used. Each link works only once.
console-link-expired-title = This link has expired
console-link-expired-body = This sign-in link is more than 10 minutes old and no longer works.
console-link-unknown-title = This link is not valid
console-link-unknown-body = This sign-in link is wrong or no longer works.
console-link-preview-title = Vùng Xanh sign-in link
console-link-preview-body = Tap the link in the bot's message to open the console.
console-logout-title = Signed out
console-logout-body = You have signed out of the console.
console-csrf-title = Request refused
console-csrf-body = The form was stale or did not come from the console, so nothing changed. Reload the page and try again.
console-forbidden-title = Not allowed
console-forbidden-body = You may not see this page. A neighbourhood head sees only their own neighbourhood.
console-notfound-title = Page not found
console-notfound-body = There is no such page. Choose a section in the bar at the top.
console-overview-title = Overview of { $period }
console-state-green = Green
console-state-at-risk = At risk
console-state-not-green = Not green
console-state-unknown = Not reported
console-state-retired = Retired
console-status-filed = Filed on time
console-status-filed-late = Filed late
console-status-missing = Not filed
console-status-overdue = Not filed, overdue
console-status-no-head = No head
console-month-bad = That month is not valid; showing this month. Choose a month as YEAR-MONTH, e.g. 2026-11.
console-filter-month = Month
console-filter-to = Up to
console-filter-class = Class
console-filter-status = Status
console-filter-all = All
console-filter-status-filed = Filed
console-filter-status-missing = Not filed
console-filter-status-no-head = No head
console-filter-status-late = Late or overdue
console-filter-apply = Show
console-card-reported = units reported
console-card-on-time = on time · { $late } late
console-card-green = green units
console-card-deadline = Deadline: { $at }
console-card-locked = The month is locked.
console-units-heading = Neighbourhoods
console-units-order = What needs action comes first: no head, overdue, at risk, filed late, warnings.
console-units-none = No neighbourhood matches.
console-col-unit = Neighbourhood
console-col-status = Report
console-col-class = Class
console-col-state = Green zone
console-col-streak = Green months in a row
console-col-warnings = Warnings
console-col-field = Figure
console-col-vs-previous = Last month ({ $period })
console-col-vs-last-year = A year before ({ $period })
console-col-month = Month
console-col-filed-at = Filed at
console-col-from-month = From
console-col-change = Change
console-col-changed-at = Recorded
console-col-case = Case code
console-col-case-status = Status
console-col-case-period = Period
console-candidate = Candidate for “clean”
console-totals-heading = Totals
console-totals-none = No report yet this month.
console-green-title = The green zone over time
console-green-chart-heading = Green neighbourhoods per month
console-green-chart-title = Green neighbourhoods per month, { $from } to { $to }
console-green-chart-note = Out of { $units } neighbourhoods. A month is green when its report shows no registered or suspected users, no new cases, no relapses, no incidents and no suspected spots.
console-green-grid-heading = Each neighbourhood over 12 months
console-candidates-heading = Candidates to be reclassified “clean”
console-candidates-none = No neighbourhood has been green long enough yet.
console-candidate-line = { $months } green months in a row, classed “{ $class }”. The officer decides.
console-unit-unknown = There is no such neighbourhood.
console-unit-class = Class
console-unit-households = Households
console-unit-state = Green zone in { $period }
console-unit-retired = This neighbourhood is retired from { $period }.
console-unit-reports-heading = Reports of the last 12 months
console-unit-figures-heading = Figures over the months
console-unit-classes-heading = Class history
console-unit-classes-none = The class never changed (now “{ $class }”).
console-unit-cases-heading = Rehab support cases
console-unit-cases-none = No case in this neighbourhood.
console-unit-tips-heading = Tips
console-unit-tips-note = Tips about things that happened in this neighbourhood (chosen by the sender or set by an officer). Counts only: no content, code or time.
console-unit-tips-none = No tip records this neighbourhood yet.
console-unit-tips-total = Total: { $n }
console-unit-tips-by-status = By status
console-unit-tips-by-category = By category
console-unit-tips-officers = Tip counts per neighbourhood are shown to officers only.
## Choices past a channel's button limit, offered as words to type (bots/choices.ts)
choices-typed = (Or type: { $options })
choices-typed-list =
    Or type one of these:
    { $options }

## The Telegram command menu: one description per command (bots/telegram/menu.ts)
menu-join = Take a role with an invite code
menu-link = Link your Zalo and Telegram accounts
menu-people = Who holds a role (officers)
menu-removerole = Remove a role (officers)
menu-report = Monthly report (heads)
menu-commitments = Household commitments (heads, officers)
menu-tip = Send a tip about drugs (anonymous)
menu-tips = Open tips (officers)
menu-tipstatus = Change a tip's status (officers)
menu-ask = Ask a tipster a question (officers)
menu-tipblock = Block a tipster (officers)
menu-reward = Reward a tip (officers)
menu-verify = Verify a tip (officers)
menu-summary = Month summary (officers)
menu-invite = Create an invite code (officers)
menu-lock = Lock a month (officers)
menu-unlock = Reopen a locked month (officers)
menu-units = Manage neighbourhoods (officers)
menu-subscribe = Receive your neighbourhood's announcements
menu-unsubscribe = Stop receiving announcements
menu-broadcast = Send an announcement (officers)
menu-checkin = Weekly check-in (mentors)
menu-cases = Rehab support cases (officers)
menu-case = One case (officers)
menu-casestatus = Change a case's status (officers)
menu-newcase = Open a support case (officers)
menu-caseinvite = Mentor invite for a case (officers)
menu-web = The console in a browser (officers, heads)
menu-help = Help
menu-cancel = Stop what you are doing
menu-lang = Language: vi / en
## Household commitments (/commitments)
btn-yesterday = Yesterday
camket-tally = { $total } / { $households } households
camket-tally-open = { $total } households
camket-not-allowed = The commitments register is kept by heads (for their own neighbourhood) and officers. If you are a head, type /join CODE with the invite code an officer sent you.
camket-no-units = There is no neighbourhood to record commitments for yet.
camket-pick-unit = Which neighbourhood are you recording commitments for? Tap a button or type its name.
camket-ask-count = Commitments register of { $unit }: { $tally } recorded as signed. How many households signed this time? Type a number, e.g. 3 (type /cancel to stop).
camket-count-zero = At least 1 household. Type how many households signed, e.g. 3.
camket-over-cap = { $unit } has { $households } households and { $total } are recorded as signed, so at most { $room } more can be recorded. Type the number again.
camket-try-again = Nothing was recorded. Type /commitments to try again.
camket-full = { $unit } already has all { $households } / { $households } households recorded as signed; no more can be added. If the neighbourhood's household count changed, ask an officer to update it.
camket-ask-date = On which day did they sign? Tap a button, or type the date, e.g. 12/11 or 12/11/2026.
camket-bad-date = I could not read that date. Type it like 12/11 or 12/11/2026, or “today”, “yesterday”.
camket-future-date = { $date } has not come yet. Type the day the households signed (today or earlier).
camket-ask-household = The household's number or house number? Numbers only, e.g. 12 or 45B, no names. Tap “Skip” if not needed.
camket-household-name = The commitments register holds no names. Type only the household's number or house number, e.g. 12, 45B or 12/3, or tap “Skip”.
camket-confirm = Record in the commitments register of { $unit }: { $count } households signed on { $date }. Record it?
camket-confirm-household = Record in the commitments register of { $unit }: { $count } household ({ $householdNo }) signed on { $date }. Record it?
camket-cancelled = Stopped; nothing was recorded in the commitments register.
camket-saved = Recorded { $count } households signed on { $date } in the register of { $unit }. Total: { $tally }.
camket-household-number = number { $no }
camket-household-as-typed = { $no }
camket-source = from the commitments register, up to { $date }
camket-list-title = Commitments register of { $unit }: { $tally } signed. Latest:
camket-list-empty = Commitments register of { $unit }: nothing recorded yet. Type /commitments to record.
camket-list-entry = { $date }: { $count } households
camket-list-entry-household = { $date }: { $count } household ({ $householdNo })
camket-totals-title = Commitments register by neighbourhood (households signed / households):
camket-totals-line = { $unit }: { $tally }

## Console: tips (issue 14, item 4)
console-tips-title = Tips
console-tips-order = Newest first. Only the day a tip came in is shown, never the hour, so nobody can trace the sender.
console-tips-none = No tips match.
console-tip-filter-status = Status
console-tip-filter-category = Category
console-tip-filter-bad = That filter is not valid, so every tip is shown. Pick a status and a category from the lists.
console-tip-col-code = Code
console-tip-col-category = Category
console-tip-col-status = Status
console-tip-col-day = Received
console-tip-col-place = Place
console-tip-pin = Location pin
console-tip-rewarded = Rewarded
console-tip-title = Tip { $code }
console-tip-unknown-title = Tip not found
console-tip-unknown-body = There is no tip with this code. Codes look like TB-ABC234; pick a tip from the Tips list.
console-tip-description = What was seen
console-tip-when = When (as the sender wrote it)
console-tip-sender = Sender
console-tip-anonymous = Anonymous. Nobody, officers included, knows who sent it.
console-tip-named = Left a way to reach them: { $contact }
console-tip-map-title = Location pinned by the sender
console-tip-osm = Open the location on OpenStreetMap (external site)
console-tip-place-none = The sender gave no place.
console-tip-photo = Photo
console-tip-photo-in-chat = The tip has a photo. It was sent through Telegram/Zalo: see the bot's alert message.
console-tip-photo-none = No photo.
console-tip-photo-alt = Photo sent with tip { $code } (tap to open it full size)
console-tip-photo-no-file = The tip has a photo, but it was sent from the simulator, which keeps no image file to show.
console-tip-photo-unavailable = The tip has a photo, but the chat channel cannot give it right now (the file expired, the channel is down or not configured). Reload the page in a few minutes, or see the photo in the bot's alert message.
console-tip-history = Status history
console-tip-history-none = The status has not changed yet.
console-tip-dialogue = Questions and answers
console-tip-dialogue-none = No questions yet.
console-tip-question = Officer asked:
console-tip-answer = Sender answered:
console-tip-actions = Act on this tip
console-tip-move-label = Move to
console-tip-move = Change status
console-tip-move-note = The sender is told the new status, as with /tipstatus (/xuly).
console-tip-move-bad = That status is not valid. Pick one from the list.
console-tip-ask-label = Question for the sender
console-tip-ask = Send question
console-tip-ask-note = The question reaches the sender through the bot without revealing who they are. The answer appears on this page.
console-tip-ask-bad = A question is 2 to { $max } characters. Type your question and send it again.
console-tip-reward = Mark rewarded
console-tip-reward-note = The sender proves it with their secret code (/verify).
console-tip-block = Block the sender
console-tip-block-note = The sender can no longer send tips. Nobody learns who it is.
console-tip-unit = Neighbourhood where it happened
console-tip-unit-none = Not known
console-tip-unit-label = Neighbourhood where it happened
console-tip-unit-save = Save neighbourhood
console-tip-unit-note = Where it happened, never where the sender lives. Used only to count tips per neighbourhood.
console-tip-unit-form-bad = ❌ Choose a neighbourhood from the list, or “Not known”.
console-tip-back = ← Back to the tips

## Console: rehab cases (issue 14, item 5)
console-cases-title = Rehab: week of { $week }
console-cases-card-checked = cases checked in this week
console-cases-card-overdue = overdue two weeks
console-cases-card-relapses = relapsed or suspected relapse
console-cases-codes-only = Lists show case codes only. A name appears only on a case's own page, and every view is logged.
console-cases-unchecked = Due, not yet checked in this week ({ $count })
console-cases-overdue = Overdue two weeks: no check-in last week or this week ({ $count })
console-cases-relapses = Relapses ({ $count })
console-cases-checked = Checked in this week ({ $count })
console-cases-none = No cases.
console-cases-suspected-none = No suspected relapse this week or last week.
console-case-col-code = Code
console-case-col-mentors = Mentors
console-case-col-this-week = This week
console-case-col-last-week = Last week
console-case-not-checked = Not checked in
console-case-title = Case { $code }
console-case-unknown-title = Case not found
console-case-unknown-body = There is no case with this code. Pick one from the Rehab list.
console-case-status = Status
console-case-name = Name
console-case-name-audited = (this view has been written to the audit log)
console-case-name-hidden = Only officers allowed to see names see this.
console-case-period = Support period
console-case-checkins = Check-ins
console-case-col-week = Week
console-case-col-state = State
console-case-col-method = Contact
console-case-col-note = Note
console-case-back = ← Back to rehab cases
console-audit-title = Name views log
console-audit-about = Every time the console showed the name of a person in rehab: who, when, which case. Newest first.
console-audit-none = Nobody has viewed a name yet.
console-audit-col-when = When
console-audit-col-who = Viewed by
console-audit-officer = Officer no. { $id }
console-audit-you = you
console-audit-link = See the name views log

## Console: administration (officers only)
console-admin-title = Administration
console-admin-nav-label = Administration sections
console-admin-units-title = Units
console-admin-units-about = Add, edit, reclassify, retire, import the list from a file
console-admin-invites-title = Invite codes
console-admin-invites-about = Make a code, see unused codes, revoke one
console-admin-people-title = People with roles
console-admin-people-about = Heads, mentors, officers; remove a role
console-admin-announcements-title = Announcements
console-admin-announcements-about = Compose, choose who receives it, see delivery counts
console-admin-months-title = Month locks
console-admin-months-about = Lock a past month, unlock with a reason, history
console-admin-save = Save
console-admin-cancel = Cancel
console-admin-made-by = Made by
console-admin-no-unit = (no unit)
console-admin-role = Role
console-admin-role-bad = Not a valid role. Choose head, mentor or officer.
console-admin-unit-gone = That unit is not in service (retired or unknown). Choose a unit from the list.
console-admin-month-bad = Not a valid month. Choose a month as YEAR-MONTH, e.g. 2026-11.
console-admin-from-month = From month
console-admin-units-add = Add a unit
console-admin-units-add-button = Add
console-admin-unit-name = Unit name
console-admin-unit-households = Households
console-admin-unit-class = Class
console-admin-unit-retired = Retired
console-admin-unit-retired-from = from { $period }
console-admin-units-list = List ({ $count } units)
console-admin-unit-name-bad = A unit's name must not be empty and has at most 80 characters. Type the name again, e.g. Khu phố Nguyễn Trãi.
console-admin-unit-households-bad = Households must be a whole number from 0 to 100000, digits only. E.g. 150.
console-admin-unit-class-bad = Not a valid class. Choose one of the three in the list.
console-admin-unit-added = Added { $unit }: { $households } households, class { $class }.
console-admin-unit-record = See the unit's record
console-admin-unit-rename = Rename
console-admin-unit-new-name = New name
console-admin-unit-set-households = Set households
console-admin-unit-reclassify = Reclassify
console-admin-unit-retire = Retire
console-admin-unit-retire-help = The unit is kept with its past reports, but is no longer prompted, summarised or exported from that month on.
console-admin-unit-retired-fixed = A retired unit is kept as history and can no longer be changed.
console-admin-units-import = Import the list from a file
console-admin-units-import-help = A CSV or XLSX file whose first row is the header: name, households, class. New names are added, known ones updated. You see what would change before anything is imported.
console-admin-units-import-file = List file (.csv, .xlsx)
console-admin-units-import-check = Check the file
console-admin-import-none = No file chosen. Choose a .csv or .xlsx file and press “Check the file”.
console-admin-import-unreadable = The file cannot be read ({ $reason }). Choose a .csv or .xlsx file.
console-admin-import-bad-rows = { $file } has { $count } bad rows; nothing was imported. Fix the rows below and upload it again.
console-admin-import-bad-row = Line { $line }: { $reason }
console-admin-import-retired = Line { $line }: “{ $unit }” is a retired unit; rename that row and upload again. Nothing was imported.
console-admin-import-stale = That preview is gone (older than 30 minutes, or imported already). Upload the file again.
console-admin-import-preview-title = Preview before importing
console-admin-import-summary = { $file }: { $added } to add, { $updated } to update, { $unchanged } unchanged. Nothing changes until you press “Import”.
console-admin-import-confirm = Import
console-admin-import-added = To add
console-admin-import-updated = To update
console-admin-import-done = Imported { $file }: { $added } added, { $updated } updated, { $unchanged } unchanged.
console-admin-invites-make = Make an invite code
console-admin-invites-make-help = A head's code needs a unit; an officer's has none. The receiver types /join CODE in chat.
console-admin-invites-make-button = Make the code
console-admin-invite-head-unit = A head's invite needs a unit. Choose the unit and make it again.
console-admin-invites-open = Unused codes ({ $count })
console-admin-invites-none = No unused codes.
console-admin-invite-code = Code
console-admin-invite-until = Works until
console-admin-invite-revoke = Revoke
console-admin-invite-revoke-label = Revoke code { $code }
console-admin-invite-revoked = Code revoked; it can no longer be used.
console-admin-invite-gone = That code was used, has expired or does not exist; nothing changed.
console-admin-people-help = Only people who hold a role (heads, mentors, officers). Residents who send tips never appear here.
console-admin-people-none = Nobody holds a role yet.
console-admin-person = Person
console-admin-channels = Channels
console-admin-role-remove = Remove role
console-admin-announcements-compose = Compose an announcement
console-admin-announcement-text = Text (at most { $max } characters)
console-admin-announcement-text-col = Text
console-admin-audience = Audience
console-admin-announcement-send = Send the announcement
console-admin-audience-sizes = Audience sizes (every unit)
console-admin-announcements-past = Past announcements
console-admin-announcements-none = No announcements sent yet.
console-admin-sent-at = Sent at
console-admin-delivery-queued = Queued
console-admin-delivery-sent = Sent
console-admin-delivery-failed = Failed
console-admin-announcement-empty = The announcement has no text. Type the text and send again.
console-admin-announcement-long = The announcement is { $length } characters long; at most { $max }. Shorten it and send again.
console-admin-audience-bad = Not a valid audience. Choose heads, mentors or subscribed residents.
console-admin-months-help = A locked month's reports can no longer be corrected. Only a past month can be locked; unlocking needs a reason.
console-admin-lock-state = State
console-admin-lock-history = History
console-admin-lock-action = Action
console-admin-locked = Locked
console-admin-open = Open
console-admin-lock = Lock
console-admin-unlock = Unlock
console-admin-unlock-reason = Reason for unlocking
console-admin-lock-running = Month not over
console-admin-lock-event-lock = Locked by { $by } at { $at }
console-admin-lock-event-unlock = Unlocked by { $by } at { $at }
console-admin-unlock-reason-bad = Unlocking needs a reason (at most { $max } characters). Type the reason and press “Unlock”.
console-admin-changes-title = Changes
console-admin-changes-about = Every change made from the console: who, when, what (newest first).
console-admin-changes-col-what = What
console-admin-changes-col-about = About
console-admin-changes-none = No change has been made from the console yet.
