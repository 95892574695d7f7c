package io.callflow.engine.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callflow.domain.action.Action;
import io.callflow.domain.action.ActionType;
import io.callflow.domain.action.ActionsParse;
import io.callflow.domain.action.ActionsValidator;
import io.callflow.domain.action.MediaRequirement;
import io.callflow.domain.action.ReservedIds;
import io.callflow.domain.activeflow.ActionFinished;
import io.callflow.domain.activeflow.ActionOutcome;
import io.callflow.domain.activeflow.ActionStarted;
import io.callflow.domain.activeflow.ActiveflowDeleted;
import io.callflow.domain.activeflow.ActiveflowEvent;
import io.callflow.domain.activeflow.ActiveflowId;
import io.callflow.domain.activeflow.ActiveflowStopped;
import io.callflow.domain.activeflow.ClockRead;
import io.callflow.domain.activeflow.DigitReceived;
import io.callflow.domain.activeflow.MediaCancelled;
import io.callflow.domain.activeflow.MediaCompleted;
import io.callflow.domain.activeflow.MediaRequested;
import io.callflow.domain.activeflow.ReferenceType;
import io.callflow.domain.activeflow.EffectKind;
import io.callflow.domain.activeflow.EffectRequested;
import io.callflow.domain.activeflow.EffectResponded;
import io.callflow.domain.activeflow.GotoCounted;
import io.callflow.domain.activeflow.Jumped;
import io.callflow.domain.activeflow.StackPopped;
import io.callflow.domain.activeflow.StackPushed;
import io.callflow.domain.activeflow.StaleInputIgnored;
import io.callflow.domain.activeflow.StopReason;
import io.callflow.domain.activeflow.StopShown;
import io.callflow.domain.activeflow.TimerFired;
import io.callflow.domain.activeflow.TimerStarted;
import io.callflow.domain.activeflow.VariablesSet;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The flow interpreter: a pure function from (state, input) to the events that
 * decide what happens next. It runs actions until the flow has to wait (a timer,
 * an HTTP response, media) or ends. No clock, no randomness, no I/O: the time
 * comes with the input, and every id it makes is derived from the activeflow id
 * and the step, so the same inputs always give the same events.
 */
public final class Interpreter {
    /** Where a sync webhook's response lands (D15). */
    public static final String WEBHOOK_STATUS = "voipbin.webhook.response_status";
    public static final String WEBHOOK_BODY = "voipbin.webhook.response_body";
    /** Where key presses collect (reference 4.4), and the key that ended a digits_receive (section 13). */
    public static final String DIGITS = "voipbin.call.digits";
    public static final String DIGITS_TERMINATOR = "voipbin.call.digits_terminator";
    private static final String DEFAULT_BRANCH_VARIABLE = DIGITS;

    private final ExecutionLimits limits;
    private final ActionsValidator validator = new ActionsValidator();

    public Interpreter(ExecutionLimits limits) {
        this.limits = limits;
    }

    /** Runs a just-created activeflow from its start. */
    public List<ActiveflowEvent> start(ExecutionState created, Instant now) {
        Run run = new Run(created, now);
        advance(run);
        return run.events();
    }

    /** A persisted timer fired for {@code step}. */
    public List<ActiveflowEvent> timerFired(ExecutionState state, long step, UUID actionId, Instant now) {
        Run run = new Run(state, now);
        boolean digits = isAwaited(state, step, actionId, Wait.Kind.DIGITS);
        if (!digits && !isAwaited(state, step, actionId, Wait.Kind.TIMER)) {
            ignoreStale(run, "timer", step, actionId);
            return run.events();
        }
        run.emit(new TimerFired(state.activeflowId(), state.customerId(), step, actionId, now));
        finish(run, ActionOutcome.COMPLETED, digits ? "timed out" : null, digits ? digitsResult(state) : null);
        advance(run);
        return run.events();
    }

    /** The response to an effect the flow waited for. */
    public List<ActiveflowEvent> effectResponded(ExecutionState state, long step, UUID actionId, EffectKind effect,
                                                 int status, JsonNode body, String error, Instant now) {
        Run run = new Run(state, now);
        if (!isAwaited(state, step, actionId, waitKind(effect))) {
            if (effect == EffectKind.WEBHOOK && step <= state.step() && !state.deleted()) {
                // an async webhook's outcome: recorded for the audit, decides nothing
                run.emit(new EffectResponded(state.activeflowId(), state.customerId(), step, actionId, effect,
                        status, body, error, now));
            } else {
                ignoreStale(run, "effect_response:" + effect.name().toLowerCase(), step, actionId);
            }
            return run.events();
        }
        run.emit(new EffectResponded(state.activeflowId(), state.customerId(), step, actionId, effect, status, body,
                error, now));
        if (effect == EffectKind.WEBHOOK) {
            webhookResponse(run, status, body, error);
        } else {
            pushFetched(run, status, body, error);
        }
        if (!run.state().ended()) {
            advance(run);
        }
        return run.events();
    }

    /** The media operation of {@code step} ended on the call. */
    public List<ActiveflowEvent> mediaCompleted(ExecutionState state, long step, UUID actionId, boolean succeeded,
                                                String detail, Map<String, String> variables, Instant now) {
        Run run = new Run(state, now);
        if (!isAwaited(state, step, actionId, Wait.Kind.MEDIA)) {
            ignoreStale(run, "media", step, actionId);
            return run.events();
        }
        Map<String, String> produced = variables == null ? Map.of() : variables;
        run.emit(new MediaCompleted(state.activeflowId(), state.customerId(), step, actionId, succeeded, detail,
                produced, now));
        if (!produced.isEmpty()) {
            run.emit(new VariablesSet(state.activeflowId(), state.customerId(), produced, now));
        }
        finish(run, succeeded ? ActionOutcome.COMPLETED : ActionOutcome.FAILED, detail, null);
        advance(run);
        return run.events();
    }

    /**
     * A key pressed on the call (reference 4.4 with the section 13 fixes): digits_receive
     * collects it and goes on once its length or a finish key is reached (the finish key
     * goes to {@link #DIGITS_TERMINATOR}, not into the digits); a talk with
     * {@code digits_handle: next} is cut short; otherwise the digit replaces the variable.
     */
    public List<ActiveflowEvent> digitReceived(ExecutionState state, String digit, Instant now) {
        Run run = new Run(state, now);
        if (state.ended()) {
            ignoreStale(run, "digit", state.step(), state.currentActionId());
            return run.events();
        }
        run.emit(new DigitReceived(state.activeflowId(), state.customerId(), digit, now));
        Wait waiting = state.waiting();
        if (waiting != null && waiting.kind() == Wait.Kind.DIGITS) {
            collectDigit(run, digit);
            return run.events();
        }
        run.emit(new VariablesSet(state.activeflowId(), state.customerId(), Map.of(DIGITS, digit), now));
        Action current = state.currentAction();
        if (waiting != null && waiting.kind() == Wait.Kind.MEDIA && current != null
                && ActionType.TALK.wireName().equals(current.type())
                && "next".equals(Options.text(current.option(), "digits_handle", ""))) {
            run.emit(new MediaCancelled(state.activeflowId(), state.customerId(), state.step(), current.id(),
                    state.referenceId(), now));
            finish(run, ActionOutcome.COMPLETED, "cut short by key " + digit, null);
            advance(run);
        }
        return run.events();
    }

    /** Ends the activeflow on request; ending an ended one decides nothing. */
    public List<ActiveflowEvent> stop(ExecutionState state, StopReason reason, String detail, Instant now) {
        Run run = new Run(state, now);
        if (!state.ended()) {
            end(run, reason, detail);
        }
        return run.events();
    }

    public List<ActiveflowEvent> delete(ExecutionState state, Instant now) {
        Run run = new Run(state, now);
        if (state.deleted()) {
            return run.events();
        }
        if (!state.ended()) {
            end(run, StopReason.DELETED, "deleted while running");
        }
        run.emit(new ActiveflowDeleted(state.activeflowId(), state.customerId(), now));
        return run.events();
    }

    // ---- the loop

    private void advance(Run run) {
        while (!run.state().ended()) {
            ExecutionState state = run.state();
            if (state.consecutiveSteps() >= limits.maxConsecutiveSteps()) {
                end(run, StopReason.CONSECUTIVE_STEP_LIMIT, limits.maxConsecutiveSteps()
                        + " actions ran in a row without waiting for anything");
                return;
            }
            if (state.executions() >= limits.maxExecutions()) {
                end(run, StopReason.EXECUTION_LIMIT, "the budget of " + limits.maxExecutions()
                        + " action executions is used up");
                return;
            }
            Optional<Placed> next = nextAction(run);
            if (run.state().ended()) {
                return;
            }
            if (next.isEmpty()) {
                end(run, StopReason.FINISHED, null);
                return;
            }
            Placed placed = next.get();
            Action raw = placed.action();
            Action current = raw.withOption(Substitution.option(raw.option(), run.state().variables()));
            run.emit(new ActionStarted(state.activeflowId(), state.customerId(), run.state().step() + 1,
                    placed.stackId(), current, run.now()));
            if (!execute(run, raw, current)) {
                return;
            }
        }
    }

    /** An action and the stack it is in. */
    private record Placed(UUID stackId, Action action) {
    }

    /** The next action: the pending jump if there is one and it resolves, else the one after the current (3.3). */
    private Optional<Placed> nextAction(Run run) {
        ExecutionState state = run.state();
        ExecutionState.Target forward = state.forward();
        if (forward != null) {
            if (ReservedIds.FINISH.equals(forward.actionId())) {
                return Optional.empty();
            }
            Optional<Placed> target = locate(run, forward.stackId(), forward.actionId(), true);
            if (target.isPresent()) {
                return target;
            }
        }
        return nextAfter(run, state.currentStackId(), state.currentActionId());
    }

    private Optional<Placed> nextAfter(Run run, UUID stackId, UUID actionId) {
        UUID s = stackId;
        UUID x = actionId;
        for (int hop = 0; hop < limits.maxNextIterations(); hop++) {
            Stack stack = run.state().stack(s);
            if (stack == null) {
                return Optional.empty();
            }
            if (ReservedIds.START.equals(x)) {
                return stack.actions().isEmpty() ? Optional.empty() : Optional.of(new Placed(s, stack.actions().get(0)));
            }
            int index = stack.indexOf(x);
            if (index < 0) {
                return Optional.empty();
            }
            Action at = stack.actions().get(index);
            if (at.nextId() != null) {
                if (ReservedIds.FINISH.equals(at.nextId())) {
                    return Optional.empty();
                }
                Optional<Placed> jumped = locate(run, s, at.nextId(), true);
                if (jumped.isPresent()) {
                    return jumped;
                }
                // an unresolvable next_id falls through instead of ending the flow (D11)
            }
            if (index + 1 < stack.actions().size()) {
                return Optional.of(new Placed(s, stack.actions().get(index + 1)));
            }
            if (ReservedIds.MAIN_STACK.equals(s)) {
                return Optional.empty();
            }
            ExecutionState state = run.state();
            run.emit(new StackPopped(state.activeflowId(), state.customerId(), s, run.now()));
            x = stack.returnActionId();
            s = stack.returnStackId();
        }
        end(run, StopReason.ERROR, "no next action found within " + limits.maxNextIterations() + " stack hops");
        return Optional.empty();
    }

    /** Finds {@code actionId} in {@code stackId} or the stacks it returns to (3.4); optionally releases the stacks passed over. */
    private Optional<Placed> locate(Run run, UUID stackId, UUID actionId, boolean release) {
        List<UUID> passed = new ArrayList<>();
        UUID s = stackId;
        for (int depth = 0; s != null && depth < limits.maxStackDepth(); depth++) {
            Stack stack = run.state().stack(s);
            if (stack == null) {
                return Optional.empty();
            }
            int index = stack.indexOf(actionId);
            if (index >= 0) {
                if (release) {
                    ExecutionState state = run.state();
                    passed.forEach(inner -> run.emit(new StackPopped(state.activeflowId(), state.customerId(), inner,
                            run.now())));
                }
                return Optional.of(new Placed(s, stack.actions().get(index)));
            }
            passed.add(s);
            s = stack.returnStackId();
        }
        return Optional.empty();
    }

    // ---- one action

    /** Executes the current action; true when the flow goes straight on, false when it now waits or ended. */
    private boolean execute(Run run, Action raw, Action action) {
        ActionType type = ActionType.fromWireName(action.type()).orElse(null);
        if (type == null) {
            finish(run, ActionOutcome.FAILED, "unknown action type " + action.type(), null);
            return true;
        }
        if (!run.state().runs(type.media())) {
            String why;
            if (type.media() != MediaRequirement.RTC) {
                why = type.wireName() + " runs only outside calls";
            } else if (run.state().referenceType() == ReferenceType.CALL) {
                why = type.wireName() + " needs a call, and this on-complete activeflow runs after its call's flow"
                        + " ended";
            } else {
                why = type.wireName() + " needs a call, and this activeflow has none";
            }
            finish(run, ActionOutcome.SKIPPED, why, null);
            return true;
        }
        ObjectNode option = action.option();
        switch (type) {
            case EMPTY:
                finish(run, ActionOutcome.COMPLETED, null, null);
                return true;
            case VARIABLE_SET:
                variableSet(run, option);
                return true;
            case BRANCH:
                branch(run, raw.option(), option);
                return true;
            case CONDITION_VARIABLE:
                condition(run, option, ConditionVariable.matches(raw.option(), option, run.state().variables()));
                return true;
            case CONDITION_DATETIME:
                ExecutionState state = run.state();
                run.emit(new ClockRead(state.activeflowId(), state.customerId(), state.step(), run.now(), run.now()));
                condition(run, option, ConditionDatetime.matches(option, run.now()));
                return true;
            case GOTO:
                gotoAction(run, option);
                return true;
            case STOP:
                finish(run, ActionOutcome.COMPLETED, null, null);
                end(run, StopReason.STOP_ACTION, null);
                return false;
            case SLEEP:
                return sleep(run, option);
            case FETCH:
                return request(run, EffectKind.FETCH, fetchRequest(run.state(), option), true);
            case FETCH_FLOW:
                return fetchFlow(run, option);
            case WEBHOOK_SEND:
                return webhook(run, option);
            case BLOCK:
                return false; // waits until the activeflow is stopped
            case TRANSCRIBE_RECORDING:
                finish(run, ActionOutcome.SKIPPED, "transcribe_recording has no recordings outside a call", null);
                return true;
            case CALL:
                // independent outgoing calls, made by the media adapter; the flow goes straight on
                return media(run, type, option, false);
            case CASE_CREATE, CONVERSATION_SEND, EMAIL_SEND, MESSAGE_SEND:
                notification(run, type, type.wireName() + " has no provider on this platform yet");
                return true;
            case AI_TALK, AI_SUMMARY, AI_TASK:
                // service actions never kill a flow either; the reason is recorded
                finish(run, ActionOutcome.FAILED, type.wireName() + " has no provider on this platform yet", null);
                return true;
            case ANSWER, PLAY, BEEP, DIGITS_SEND, ECHO, STREAM_ECHO, HANGUP, MUTE, UNMUTE, RECORDING_START,
                 RECORDING_STOP, CONNECT:
                return media(run, type, option, true);
            case TALK, AMD:
                return media(run, type, option, !Options.flag(option, "async"));
            case DIGITS_RECEIVE:
                return digitsReceive(run, option);
            case CONDITION_CALL_DIGITS:
                condition(run, option, digitsComplete(run.state().variables().getOrDefault(DIGITS, ""),
                        option));
                return true;
            default:
                finish(run, ActionOutcome.FAILED, type.wireName() + " is not supported on this platform yet", null);
                return true;
        }
    }

    /**
     * D16: a notification action never kills a flow, and its result is a variable the flow can branch on:
     * {@code voipbin.<type>.result} ({@code sent} or {@code failed}) and {@code voipbin.<type>.error}.
     */
    private void notification(Run run, ActionType type, String error) {
        ExecutionState state = run.state();
        String prefix = "voipbin." + type.wireName() + ".";
        run.emit(new VariablesSet(state.activeflowId(), state.customerId(),
                Map.of(prefix + "result", "failed", prefix + "error", error), run.now()));
        finish(run, ActionOutcome.FAILED, error, null);
    }

    /** Asks the media adapter to act on the call; an unawaited request (async talk or amd) goes straight on. */
    private boolean media(Run run, ActionType type, ObjectNode option, boolean awaited) {
        ExecutionState state = run.state();
        run.emit(new MediaRequested(state.activeflowId(), state.customerId(), state.step(),
                state.currentAction().id(), state.referenceId(), type.wireName(), option, awaited, run.now()));
        if (!awaited) {
            finish(run, ActionOutcome.COMPLETED, null, null);
        }
        return !awaited;
    }

    /** 4.4: checks at once, else waits for keys until {@code duration} runs out; {@code clear} (default true) empties the digits first. */
    private boolean digitsReceive(Run run, ObjectNode option) {
        ExecutionState state = run.state();
        if (Options.flag(option, "clear", true)) {
            run.emit(new VariablesSet(state.activeflowId(), state.customerId(),
                    Map.of(DIGITS, "", DIGITS_TERMINATOR, ""), run.now()));
        }
        String digits = run.state().variables().getOrDefault(DIGITS, "");
        long millis = Options.number(option, "duration").orElse(0L);
        if (digitsComplete(digits, option) || millis <= 0) {
            finish(run, ActionOutcome.COMPLETED, millis <= 0 && !digitsComplete(digits, option) ? "timed out" : null,
                    digitsResult(run.state()));
            return true;
        }
        run.emit(new TimerStarted(state.activeflowId(), state.customerId(), state.step(), state.currentAction().id(),
                run.now().plus(Duration.ofMillis(millis)), run.now()));
        return false;
    }

    private void collectDigit(Run run, String digit) {
        ExecutionState state = run.state();
        ObjectNode option = state.currentAction().option();
        String keys = Options.text(option, "key", "");
        if (!keys.isEmpty() && keys.contains(digit)) {
            run.emit(new VariablesSet(state.activeflowId(), state.customerId(), Map.of(DIGITS_TERMINATOR, digit),
                    run.now()));
            finish(run, ActionOutcome.COMPLETED, null, digitsResult(run.state()));
            advance(run);
            return;
        }
        String digits = state.variables().getOrDefault(DIGITS, "") + digit;
        run.emit(new VariablesSet(state.activeflowId(), state.customerId(), Map.of(DIGITS, digits), run.now()));
        long length = Options.number(option, "length").orElse(0L);
        if (length > 0 && digits.length() >= length) {
            finish(run, ActionOutcome.COMPLETED, null, digitsResult(run.state()));
            advance(run);
        }
    }

    /** The finish condition of digits_receive and condition_call_digits: enough digits, or one of the keys pressed. */
    private static boolean digitsComplete(String digits, ObjectNode option) {
        long length = Options.number(option, "length").orElse(0L);
        String keys = Options.text(option, "key", "");
        if (length > 0 && digits.length() >= length) {
            return true;
        }
        for (int i = 0; i < keys.length(); i++) {
            if (digits.indexOf(keys.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode digitsResult(ExecutionState state) {
        return JsonNodeFactory.instance.objectNode()
                .put("digits", state.variables().getOrDefault(DIGITS, ""))
                .put("terminator", state.variables().getOrDefault(DIGITS_TERMINATOR, ""));
    }

    private void variableSet(Run run, ObjectNode option) {
        String key = Options.text(option, "key", "").trim();
        if (key.isEmpty()) {
            finish(run, ActionOutcome.FAILED, "variable_set has no key", null);
            return;
        }
        ExecutionState state = run.state();
        run.emit(new VariablesSet(state.activeflowId(), state.customerId(),
                Map.of(key, Options.text(option, "value", "")), run.now()));
        finish(run, ActionOutcome.COMPLETED, null, null);
    }

    private void branch(Run run, ObjectNode rawOption, ObjectNode option) {
        ExecutionState state = run.state();
        String variable = Options.variableName(Options.text(rawOption, "variable", DEFAULT_BRANCH_VARIABLE));
        if (variable.isEmpty()) {
            variable = DEFAULT_BRANCH_VARIABLE;
        }
        String value = state.variables().getOrDefault(variable, "");
        run.emit(new VariablesSet(state.activeflowId(), state.customerId(), Map.of(variable, ""), run.now()));
        JsonNode targets = option.get("target_ids");
        Optional<UUID> target = Optional.empty();
        if (targets != null && targets.isObject() && targets.hasNonNull(value)) {
            target = parseId(targets.get(value).asText());
        }
        if (target.isEmpty()) {
            target = Options.id(option, "default_target_id");
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode().put("variable", variable).put("value", value);
        jumpOrFallThrough(run, target, result);
    }

    private void condition(Run run, ObjectNode option, boolean matched) {
        ObjectNode result = JsonNodeFactory.instance.objectNode().put("matched", matched);
        if (matched) {
            finish(run, ActionOutcome.COMPLETED, null, result);
            return;
        }
        jumpOrFallThrough(run, Options.id(option, "false_target_id"), result);
    }

    /** D20: a goto with loop_count N jumps exactly N times, then falls through and forgets its count. */
    private void gotoAction(Run run, ObjectNode option) {
        ExecutionState state = run.state();
        long loopCount = Options.number(option, "loop_count").orElse(0L);
        Optional<UUID> target = Options.id(option, "target_id");
        if (loopCount <= 0 || target.isEmpty()) {
            finish(run, ActionOutcome.COMPLETED, "loop_count is 0: no jump", null);
            return;
        }
        UUID gotoId = state.currentAction().id();
        Integer left = state.gotoRemaining().get(ExecutionState.gotoKey(state.currentStackId(), gotoId));
        int remaining = left == null ? (int) Math.min(loopCount, Integer.MAX_VALUE) : left;
        if (remaining <= 0) {
            run.emit(new GotoCounted(state.activeflowId(), state.customerId(), gotoId, null, run.now()));
            finish(run, ActionOutcome.COMPLETED, "loop done", JsonNodeFactory.instance.objectNode().put("remaining", 0));
            return;
        }
        run.emit(new GotoCounted(state.activeflowId(), state.customerId(), gotoId, remaining - 1, run.now()));
        jumpOrFallThrough(run, target, JsonNodeFactory.instance.objectNode().put("remaining", remaining - 1));
    }

    /** D11: a target that is missing or not on the current return chain falls through instead of killing the flow. */
    private void jumpOrFallThrough(Run run, Optional<UUID> target, ObjectNode result) {
        ExecutionState state = run.state();
        if (target.isPresent() && ReservedIds.FINISH.equals(target.get())) {
            run.emit(new Jumped(state.activeflowId(), state.customerId(), state.currentStackId(), target.get(),
                    run.now()));
            finish(run, ActionOutcome.COMPLETED, null, result.put("target_id", target.get().toString()));
            return;
        }
        if (target.isPresent() && locate(new Run(state, run.now()), state.currentStackId(), target.get(), false)
                .isPresent()) {
            run.emit(new Jumped(state.activeflowId(), state.customerId(), state.currentStackId(), target.get(),
                    run.now()));
            finish(run, ActionOutcome.COMPLETED, null, result.put("target_id", target.get().toString()));
            return;
        }
        String why = target.map(id -> "target " + id + " is not reachable from here: fell through")
                .orElse(null);
        finish(run, ActionOutcome.COMPLETED, why, result);
    }

    private boolean sleep(Run run, ObjectNode option) {
        long millis = Options.number(option, "duration").orElse(0L);
        if (millis <= 0) {
            finish(run, ActionOutcome.COMPLETED, null, null);
            return true;
        }
        ExecutionState state = run.state();
        run.emit(new TimerStarted(state.activeflowId(), state.customerId(), state.step(), state.currentAction().id(),
                run.now().plus(Duration.ofMillis(millis)), run.now()));
        return false;
    }

    private ObjectNode fetchRequest(ExecutionState state, ObjectNode option) {
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("activeflow_id", state.activeflowId().toString())
                .put("reference_id", state.referenceId() == null ? "" : state.referenceId().toString());
        ObjectNode request = JsonNodeFactory.instance.objectNode()
                .put("url", Options.text(option, "event_url", ""))
                .put("method", Options.text(option, "event_method", "POST").toUpperCase());
        request.set("body", body);
        return request;
    }

    private boolean fetchFlow(Run run, ObjectNode option) {
        Optional<UUID> flowId = Options.id(option, "flow_id");
        if (flowId.isEmpty()) {
            finish(run, ActionOutcome.FAILED, "fetch_flow has no valid flow_id", null);
            return true;
        }
        ObjectNode request = JsonNodeFactory.instance.objectNode().put("flow_id", flowId.get().toString());
        return request(run, EffectKind.FETCH_FLOW, request, true);
    }

    private boolean webhook(Run run, ObjectNode option) {
        boolean sync = Options.flag(option, "sync");
        ObjectNode request = JsonNodeFactory.instance.objectNode()
                .put("uri", Options.text(option, "uri", ""))
                .put("method", Options.text(option, "method", "POST").toUpperCase())
                .put("data_type", Options.text(option, "data_type", "application/json"));
        JsonNode data = option.get("data");
        request.set("data", data == null ? JsonNodeFactory.instance.nullNode() : data);
        if (sync) {
            return request(run, EffectKind.WEBHOOK, request, true);
        }
        request(run, EffectKind.WEBHOOK, request, false);
        finish(run, ActionOutcome.COMPLETED, null, null);
        return true;
    }

    private boolean request(Run run, EffectKind effect, ObjectNode request, boolean awaited) {
        ExecutionState state = run.state();
        run.emit(new EffectRequested(state.activeflowId(), state.customerId(), state.step(),
                state.currentAction().id(), effect, request, awaited, run.now()));
        return !awaited;
    }

    private void webhookResponse(Run run, int status, JsonNode body, String error) {
        ExecutionState state = run.state();
        String text = body == null || body.isNull() ? "" : body.isTextual() ? body.textValue() : body.toString();
        run.emit(new VariablesSet(state.activeflowId(), state.customerId(),
                Map.of(WEBHOOK_STATUS, Integer.toString(status), WEBHOOK_BODY, text), run.now()));
        if (error != null) {
            finish(run, ActionOutcome.FAILED, error, null);
        } else {
            finish(run, ActionOutcome.COMPLETED, null, JsonNodeFactory.instance.objectNode().put("status", status));
        }
    }

    /** D6: fetched actions pass the same validation as a saved flow; an invalid response fails the action and the flow falls through. */
    private void pushFetched(Run run, int status, JsonNode body, String error) {
        ExecutionState state = run.state();
        if (error != null || status != 200) {
            finish(run, ActionOutcome.FAILED, error != null ? error : "fetch answered HTTP " + status, null);
            return;
        }
        long step = state.step();
        int[] counter = {0};
        ActionsParse parsed = validator.parse(body, "", () -> derivedId(state.activeflowId(),
                "fetched:" + step + ":" + counter[0]++));
        if (!parsed.ok()) {
            var first = parsed.problems().get(0);
            finish(run, ActionOutcome.FAILED, "the fetched actions are invalid: " + parsed.problems().size()
                    + " problem(s), first at '" + first.pointer() + "': " + first.message(), null);
            return;
        }
        if (parsed.actions().isEmpty()) {
            finish(run, ActionOutcome.COMPLETED, "nothing fetched", null);
            return;
        }
        if (depth(state) >= limits.maxStackDepth()) {
            finish(run, ActionOutcome.FAILED, "stack limit reached", null);
            end(run, StopReason.STACK_LIMIT, limits.maxStackDepth() + " nested stacks");
            return;
        }
        finish(run, ActionOutcome.COMPLETED, null,
                JsonNodeFactory.instance.objectNode().put("pushed", parsed.actions().size()));
        run.emit(new StackPushed(state.activeflowId(), state.customerId(), derivedId(state.activeflowId(),
                "stack:" + step), parsed.actions(), state.currentStackId(), state.currentAction().id(), run.now()));
    }

    private static int depth(ExecutionState state) {
        int depth = 0;
        for (UUID s = state.currentStackId(); s != null; depth++) {
            Stack stack = state.stack(s);
            s = stack == null ? null : stack.returnStackId();
        }
        return depth;
    }

    // ---- small shared pieces

    private static void finish(Run run, ActionOutcome outcome, String reason, JsonNode result) {
        ExecutionState state = run.state();
        run.emit(new ActionFinished(state.activeflowId(), state.customerId(), state.step(), state.currentActionId(),
                outcome, reason, result, run.now()));
    }

    private void end(Run run, StopReason reason, String detail) {
        ExecutionState state = run.state();
        ActiveflowId next = null;
        String refused = null;
        if (state.onCompleteFlowId() != null) {
            if (state.completeCount() + 1 >= limits.maxChainLength()) {
                refused = StopShown.CHAIN_LIMIT_REACHED + ": an on-complete chain runs at most "
                        + limits.maxChainLength() + " activeflows";
            } else {
                next = new ActiveflowId(derivedId(state.activeflowId(), "on-complete"));
            }
        }
        run.emit(new ActiveflowStopped(state.activeflowId(), state.customerId(), reason, detail, next, refused,
                run.now(), state.referenceType(), state.referenceId()));
    }

    private void ignoreStale(Run run, String input, long step, UUID actionId) {
        ExecutionState state = run.state();
        run.emit(new StaleInputIgnored(state.activeflowId(), state.customerId(), input, step, actionId, state.step(),
                run.now()));
    }

    private static boolean isAwaited(ExecutionState state, long step, UUID actionId, Wait.Kind kind) {
        Wait waiting = state.waiting();
        return !state.ended() && waiting != null && waiting.step() == step && waiting.kind() == kind
                && waiting.actionId().equals(actionId);
    }

    private static Wait.Kind waitKind(EffectKind effect) {
        return switch (effect) {
            case FETCH -> Wait.Kind.FETCH;
            case FETCH_FLOW -> Wait.Kind.FETCH_FLOW;
            case WEBHOOK -> Wait.Kind.WEBHOOK;
        };
    }

    private static Optional<UUID> parseId(String text) {
        try {
            return Optional.of(UUID.fromString(text.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Ids the interpreter makes are derived, never random, so a replay makes the same ones. */
    public static UUID derivedId(ActiveflowId activeflowId, String purpose) {
        return UUID.nameUUIDFromBytes((activeflowId + "/" + purpose).getBytes(StandardCharsets.UTF_8));
    }
}
