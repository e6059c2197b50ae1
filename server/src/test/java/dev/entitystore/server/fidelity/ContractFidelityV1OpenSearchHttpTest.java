package dev.entitystore.server.fidelity;

import dev.entitystore.server.OnOpenSearch;

/** {@link ContractFidelityV1HttpSuite} on OpenSearch. */
class ContractFidelityV1OpenSearchHttpTest extends ContractFidelityV1HttpSuite implements OnOpenSearch {
}
