package io.callflow.media.mixer;

/**
 * How a leg takes part in its room's mix. Only {@link #NORMAL} is used today; the others
 * name the contact-centre roles that VoiceBlender expresses with a room routing matrix
 * (listener role → source roles it hears), so the mix loop can grow into them:
 * <ul>
 *   <li>{@link #WHISPER}: a supervisor heard only by the agent it coaches, hearing everyone
 *       (the customer's mix would leave it out, exactly as a muted leg is left out);</li>
 *   <li>{@link #BARGE}: a supervisor who joins the conversation, i.e. {@link #NORMAL};
 *       a silent monitor is a leg that is muted.</li>
 * </ul>
 */
public enum LegRole { NORMAL, WHISPER, BARGE }
