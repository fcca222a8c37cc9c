package com.contoso.linkedin.store;

import org.junit.jupiter.api.BeforeEach;

/** The twin the services' tests use passes the store contract, as the DynamoDB adapter does. */
class InMemoryLinkedInStoreTest extends LinkedInStoreContract {

    private InMemoryLinkedInStore store;

    @BeforeEach
    void freshStore() {
        store = new InMemoryLinkedInStore();
    }

    @Override
    protected LinkedInStore store() {
        return store;
    }
}
