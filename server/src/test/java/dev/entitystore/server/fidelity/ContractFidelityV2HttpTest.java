package dev.entitystore.server.fidelity;

/** {@link ContractFidelityV2HttpSuite} on the embedded store. */
class ContractFidelityV2HttpTest extends ContractFidelityV2HttpSuite {
}
