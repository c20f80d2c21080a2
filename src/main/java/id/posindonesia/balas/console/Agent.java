package id.posindonesia.balas.console;

/** An agent account as supervisors see it: never its password. */
record Agent(String username, AgentRole role, boolean enabled) {
}
