package io.callflow.engine.interpreter;

/**
 * The bounds that stop a runaway flow (DESIGN rule 6, reference D2 and D21).
 *
 * @param maxConsecutiveSteps action executions in a row without waiting for a timer, response or media;
 *                            waiting resets the count, so long IVRs and wait loops are never cut off
 * @param maxExecutions       absolute backstop of action executions over the activeflow's life
 * @param maxStackDepth       stacks on one return chain
 * @param maxNextIterations   stack hops while looking for the next action
 * @param maxChainLength      activeflows in one on-complete chain, the first included
 */
public record ExecutionLimits(int maxConsecutiveSteps, int maxExecutions, int maxStackDepth,
                              int maxNextIterations, int maxChainLength) {

    public static final ExecutionLimits DEFAULT = new ExecutionLimits(1_000, 100_000, 100, 100, 5);
}
