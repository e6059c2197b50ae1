package dev.entitystore.server.fidelity;

/** {@link ContractFidelityV1HttpSuite} on the embedded store. */
class ContractFidelityV1HttpTest extends ContractFidelityV1HttpSuite {
}
