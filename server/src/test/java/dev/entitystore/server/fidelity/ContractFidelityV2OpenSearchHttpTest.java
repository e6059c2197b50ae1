package dev.entitystore.server.fidelity;

import dev.entitystore.server.OnOpenSearch;

/** {@link ContractFidelityV2HttpSuite} on OpenSearch. */
class ContractFidelityV2OpenSearchHttpTest extends ContractFidelityV2HttpSuite implements OnOpenSearch {
}
