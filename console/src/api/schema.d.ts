// Generated from /openapi.json by `npm run console:api` — do not edit.
export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness of the API, its database and Temporal */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Everything answers */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Health"];
                    };
                };
                /** @description A dependency does not answer */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Health"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/provider-reports/nhn": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** NHN Cloud reports Kakao delivery results (X-Toast-Webhook-Signature: the signature set in NHN’s console) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NhnWebhook"];
                };
            };
            responses: {
                /** @description Recorded */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong signature */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/provider-reports/{provider}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A carrier reports a delivery result or an 080 opt-out call (signed: bizmsg-signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    provider: "kakao" | "sms";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["OptOutReport"] | components["schemas"]["ProviderReport"];
                };
            };
            responses: {
                /** @description Recorded */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid signature */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description An opt-out call to a number no merchant has verified, or not a mobile caller */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in to the console (sets an httpOnly session cookie)
         * @description Five wrong passwords in a row lock the account for 15 minutes (429 `account_locked`); sign-ins per client address are rate limited. Every attempt is in the audit log.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SignIn"];
                };
            };
            responses: {
                /** @description Signed in */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Session"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Wrong email or password */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Locked after repeated failures, or too many attempts from this address */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Sign out of the console */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Signed out */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invitations/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What an invitation link is for (before accepting it) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The invitation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Invitation"];
                    };
                };
                /** @description No such invitation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Used already */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Expired */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation: set the password, create the account and sign in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AcceptInvitation"];
                };
            };
            responses: {
                /** @description The account exists and is signed in */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Session"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such invitation */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Used already */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Expired */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the request is authenticated as (a person’s session or an API key) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The caller */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Me"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Invitations not yet accepted (a merchant’s, or the operators’) */
        get: {
            parameters: {
                query?: {
                    merchantId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Pending invitations */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Invitation"][];
                        };
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Invite a person: merchant staff (owners, and operators for any merchant) or an operator
         * @description The link sets the password of the new account; it is shown only in this answer.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["InvitationRequest"];
                };
            };
            responses: {
                /** @description Invited */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IssuedInvitation"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Only operators and the merchant’s owner invite */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such merchant */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description An account with this email exists */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** People with an account: a merchant’s staff, or (operators, without merchantId) the operators */
        get: {
            parameters: {
                query?: {
                    merchantId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Accounts */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["User"][];
                        };
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List merchants, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of merchants */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MerchantList"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a merchant and its API key */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateMerchant"];
                };
            };
            responses: {
                /** @description Created; the API key and webhook secret are shown only now */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CreatedMerchant"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A merchant with this business registration number exists */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a merchant */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The merchant */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Merchant"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such merchant, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the merchant: business information 10 days after the notice (Art. 4.1.3), the webhook URL at once
         * @description Name, representative, address and business registration number are a notice: the answer (202) and GET show `pendingChange {fields, effectiveAt}` and the change takes effect by itself at `effectiveAt`, at least 10 days later. A later notice joins the pending one and restarts its 10 days. `webhookUrl` changes at once (200).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ChangeMerchant"];
                };
            };
            responses: {
                /** @description Changed at once (webhook URL only, or nothing pending) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Merchant"];
                    };
                };
                /** @description Business information scheduled to change (pendingChange) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Merchant"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such merchant, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Another merchant has this business registration number */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description effectiveAt is sooner than 10 days from now */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/merchants/{id}/pending-change/apply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put the merchant’s pending change into effect now, before its date (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Applied */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Merchant"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such merchant */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Nothing pending, or the new registration number is taken */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{id}/webhook-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate the webhook secret: the old one keeps signing for `graceHours` (two `v1=` signatures) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description how long the old secret still signs (both signatures are sent)
                         * @default 24
                         */
                        graceHours?: number;
                    };
                };
            };
            responses: {
                /** @description The new secret, shown only now */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RotatedWebhookSecret"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such merchant, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the merchant’s API keys: name, prefix, created, last used (never the key itself) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The keys, oldest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiKeyList"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create another API key for the merchant (shown once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example order server */
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CreatedApiKey"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The merchant has 20 active keys */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key: it answers 401 from then on */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Revoked */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such active key of yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List contracts (a merchant sees its own; operators see all and may filter by merchant) */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    limit?: number;
                    /** @description operators only */
                    merchantId?: string;
                    status?: "applied" | "on_hold" | "rejected" | "active" | "suspended" | "terminated" | "expired";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of contracts, newest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ContractList"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Apply for a messaging contract
         * @description Checks every rule of the application form (SPEC §3) and answers 422 with one violation per broken rule. The contract starts `applied` and waits for an operator.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ContractApplication"];
                };
            };
            responses: {
                /** @description Applied */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contract"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The merchant already has an open contract, or a MID belongs to another contract */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description An application rule is broken */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a contract with its sender numbers and the history of every transition */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The contract */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contract"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such contract, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve the application with its fee schedule: the contract becomes active for a one-year term */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        fees: components["schemas"]["Fees"];
                    };
                };
            };
            responses: {
                /** @description The contract after the action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contract"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such contract, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The contract’s state does not allow this (nothing changed) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A rule refused it (nothing changed) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject the application (Art. 3.4 reason, shown to the merchant) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Art. 3.4 ground
                         * @enum {string}
                         */
                        reason: "procedure_not_followed" | "missing_or_false_information" | "missing_or_false_documents" | "reapplication_after_termination" | "applicant_is_minor" | "business_not_operating" | "insufficient_capacity" | "improper_application";
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description The contract after the action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contract"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such contract, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The contract’s state does not allow this (nothing changed) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A rule refused it (nothing changed) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts/{id}/hold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hold the application (Art. 3.4 reason, shown to the merchant) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Art. 3.4 ground
                         * @enum {string}
                         */
                        reason: "procedure_not_followed" | "missing_or_false_information" | "missing_or_false_documents" | "reapplication_after_termination" | "applicant_is_minor" | "business_not_operating" | "insufficient_capacity" | "improper_application";
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description The contract after the action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contract"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such contract, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The contract’s state does not allow this (nothing changed) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A rule refused it (nothing changed) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts/{id}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Suspend the service (Art. 5.2, 13.3)
         * @description Starts the three-month clock of Art. 13.4 (except for maintenance): without an objection the contract is terminated.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        reason: "unpaid_fees" | "spoofing" | "policy" | "maintenance";
                        /**
                         * Format: date-time
                         * @description a later start after notice (Art. 5.2); spoofing is always immediate (Art. 13.3)
                         */
                        effectiveAt?: string;
                    };
                };
            };
            responses: {
                /** @description The contract after the action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contract"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such contract, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The contract’s state does not allow this (nothing changed) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A rule refused it (nothing changed) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a suspended contract (or withdraw a noticed suspension)
         * @description While an invoice is still overdue the resume needs a `reason` (409 `invoices_overdue` naming them otherwise): the arrears stay recorded, and paying them, or another overdue invoice, is handled as usual (Art. 5.2.3).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description why the suspension is lifted: required while an invoice is still overdue (recorded in the history and the audit log) */
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description The contract after the action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contract"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such contract, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The contract’s state does not allow this (nothing changed) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A rule refused it (nothing changed) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts/{id}/terminate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Terminate: immediately for an Art. 13.2 cause, or one month after notice for business reasons (Art. 13.5, company only) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        cause: "breach_not_cured" | "fee_arrears" | "trust_breakdown" | "seizure" | "dishonored_bills" | "bankruptcy" | "administrative_sanction" | "business_transfer" | "business_closure" | "business_reasons";
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description The contract after the action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contract"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such contract, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The contract’s state does not allow this (nothing changed) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A rule refused it (nothing changed) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts/{id}/objection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Object to a suspension: stops the termination clock and puts the case to an operator (Art. 13.4) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                    };
                };
            };
            responses: {
                /** @description The contract after the action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contract"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such contract, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The contract’s state does not allow this (nothing changed) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A rule refused it (nothing changed) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts/{id}/non-renewal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give notice of non-renewal (Art. 12)
         * @description Given at least 30 days before the term ends, the contract expires at the end of this term; later notice applies to the following term. `renewal.endsAt` says which.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description The contract after the action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contract"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such contract, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The contract’s state does not allow this (nothing changed) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A rule refused it (nothing changed) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts/{id}/sender-numbers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register a new sender number with its proof document (pending until an operator verifies it) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example 02-1234-5678 */
                        number: string;
                        proofDocument: components["schemas"]["ProofDocument"];
                    };
                };
            };
            responses: {
                /** @description Registered, pending verification */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SenderNumber"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such contract, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Already registered, or the contract has ended */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid number or document, or the limit of 10 is reached */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sender-numbers/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify a sender number after checking its proof document (Art. 4.4) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description The sender number */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SenderNumber"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such sender number */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Already verified or rejected */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sender-numbers/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a sender number */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description The sender number */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SenderNumber"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such sender number */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Already verified or rejected */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sender-numbers/{id}/proof-document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download the proof document of a sender number (operators, and the merchant that owns it) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file as uploaded */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such sender number, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The document was destroyed after its retention */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List messages, newest first (filters: status, type, since, until, recipient, reference) */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    limit?: number;
                    status?: "accepted" | "scheduled" | "sending" | "delivered" | "failed" | "cancelled";
                    /** @description the messages of one campaign */
                    campaignId?: string;
                    type?: "sms" | "lms" | "alimtalk" | "friendtalk" | "friendtalk_image" | "payment_notice";
                    since?: string;
                    until?: string;
                    /** @description the recipient’s number, with or without hyphens */
                    to?: string;
                    /** @description your own reference, exactly */
                    reference?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of messages */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MessageList"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Send a message (AlimTalk, FriendTalk, SMS or LMS)
         * @description Answers 202 at once with the message id; the message then runs as its own workflow. Every rule (sizes in EUC-KR bytes, templates, ad rules, the contract, the sender number, opt-outs) is checked first: a refused message answers 422 with a precise code and is not sent. A repeated `Idempotency-Key` returns the same message and never sends twice.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description a retry with the same key answers as the first request did and never acts twice */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MessageRequest"];
                };
            };
            responses: {
                /** @description Accepted */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AcceptedMessage"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A rule refused the message; nothing was sent */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send up to 10,000 messages; each is accepted or rejected on its own
         * @description All accepted messages are stored in one transaction and answered at once; each then runs as its own workflow. An `Idempotency-Key` header for the whole batch answers a repeat of the same batch with the first answer and creates nothing; each item may also carry its own `idempotencyKey`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description a retry with the same key answers as the first request did and never acts twice */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MessageBatch"];
                };
            };
            responses: {
                /** @description Per-item results */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BatchResult"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a message: its status and the timeline of every attempt */
        get: {
            parameters: {
                query?: {
                    /** @description `content` adds the recipient and the text (a read of personal data, recorded in the audit log) */
                    include?: "content";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The message (recipient masked; with `include=content` also what it said and to whom) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Message"] & {
                            content?: components["schemas"]["MessageContent"];
                        };
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such message, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/message-stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counts of messages by type and by day (KST) for the dashboard */
        get: {
            parameters: {
                query: {
                    since: string;
                    until: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The counts */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MessageStats"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/opt-outs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the merchant’s opt-out list */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of numbers */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OptOutList"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add a number to the merchant’s opt-out list (수신거부): nothing is sent to it any more */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        number: string;
                    };
                };
            };
            responses: {
                /** @description Already on the list */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OptOut"];
                    };
                };
                /** @description Added */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OptOut"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/opt-outs/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a number from the opt-out list (the recipient agreed again) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    number: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not on the list */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/images": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a FriendTalk image; send it with `imageId`
         * @description JPEG or PNG (from the bytes), at most 500 KB, at least 500 px wide, width:height between 2:1 and 3:4 — checked here, once (422 with one violation per broken rule). bizmsg never fetches an image from a URL; the provider adapter uploads it to the provider when the message is sent.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ImageUpload"];
                };
            };
            responses: {
                /** @description Stored */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Image"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The image breaks a FriendTalk image rule */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a scheduled message: it is never sent nor billed (webhook message.cancelled) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Cancelled */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Message"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such message, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The message is not scheduled (any more): it has started or finished */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages/{id}/reschedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a scheduled message to another time (a FriendTalk not into 20:50–08:00 KST unless it asked to be held) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RescheduleRequest"];
                };
            };
            responses: {
                /** @description Rescheduled */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Message"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such message, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The message is not scheduled (any more): it has started or finished */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The new time is more than a year ahead, or in the ad quiet hours */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List campaigns, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of campaigns */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CampaignList"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Start a campaign: one message to up to 100,000 recipients (JSON or CSV), at a rate, optionally scheduled
         * @description Answers 202 with the campaign id. Each recipient becomes an ordinary message through the same rules as POST /v1/messages, in its turn; a refused row is listed by GET /v1/campaigns/:id/rejections.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CampaignRequest"];
                };
            };
            responses: {
                /** @description Accepted */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CampaignAccepted"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The content, the rate, the time or the contract refuses it; nothing was stored */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a campaign with its counts (total, accepted, rejected, scheduled, sending, delivered, failed, cancelled) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The campaign */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Campaign"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such campaign, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{id}/rejections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The recipients the acceptance rules refused, each with its error (like a batch’s rejected items) */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of refused rows */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CampaignRejectionList"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such campaign, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause a campaign: no further recipient gets a message until it is resumed */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description The campaign as it now is */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Campaign"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such campaign, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The campaign’s state does not allow it (finished, not paused, everything already started) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a paused campaign at its rate */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description The campaign as it now is */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Campaign"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such campaign, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The campaign’s state does not allow it (finished, not paused, everything already started) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a campaign: recipients whose turn has not come get no message */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description The campaign as it now is */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Campaign"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such campaign, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The campaign’s state does not allow it (finished, not paused, everything already started) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts/{id}/opt-out-numbers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The contract’s 080 opt-out numbers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 080 numbers */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OptOutNumberList"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such contract, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Register an 080 opt-out number with its proof document (pending until an operator verifies it) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @example 02-1234-5678 */
                        number: string;
                        proofDocument: components["schemas"]["ProofDocument"];
                    };
                };
            };
            responses: {
                /** @description Registered, pending verification */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OptOutNumber"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such contract, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Already registered, or the contract has ended */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not an 080 number, an invalid document, or the limit of 10 is reached */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/opt-out-numbers/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify an 080 opt-out number after checking its proof document */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description The 080 number */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OptOutNumber"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such 080 number */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Already verified or rejected, or verified on another merchant’s contract */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/opt-out-numbers/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject an 080 opt-out number */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description The 080 number */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OptOutNumber"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such 080 number */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Already verified or rejected, or verified on another merchant’s contract */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the merchant’s AlimTalk templates */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Templates */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TemplateList"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Register an AlimTalk template; Kakao reviews it (requested → approved | rejected)
         * @description The review is under the sender profile of the contract (its Kakao search ID), the one the messages go out from. The merchant’s webhook hears `template.approved` or `template.rejected` (with the reason).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TemplateRequest"];
                };
            };
            responses: {
                /** @description Submitted for review */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Template"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A template with this code exists (edit it with PUT) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The template breaks a rule, or there is no contract with a Kakao search ID */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an AlimTalk template and its review status */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The template */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Template"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such template */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Edit a template: the new version is reviewed again
         * @description A rejected template is corrected this way. An approved version keeps sending until Kakao approves the new one (`approved` shows which version sends).
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TemplateEdit"];
                };
            };
            responses: {
                /** @description The new version, submitted for review */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Template"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such template */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The template breaks a rule */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Delete a template; messages already accepted from it still go out */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such template */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payment-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report a payment event; its payment notices go out (결제 알림톡)
         * @description card/vbank/transfer/mobile only (Art. 2.2). Merchant-target notices go to every receiving number of the contract, buyer-target notices to the buyer, as the contract applied for; a virtual account’s approval notice goes out at `vbank_deposited`. The same (mid, tid, event) twice sends nothing new and answers with the first notices.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PaymentEvent"];
                };
            };
            responses: {
                /** @description Notices accepted */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PaymentEventAccepted"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A rule refused the event (method, MID, contract) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payment-events/{mid}/{tid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The notices of one payment (every event of the tid) with each notice’s status */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    mid: string;
                    tid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Events and their notices */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PaymentNotices"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such payment, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invoices/upcoming": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The running draft of the next invoice: the usage delivered so far and on no invoice yet */
        get: {
            parameters: {
                query: {
                    contractId: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Draft (no id, status draft) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UpcomingInvoice"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such contract, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List invoices (a merchant sees its own) */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    limit?: number;
                    period?: string;
                    contractId?: string;
                    status?: "issued" | "partially_paid" | "paid" | "disputed" | "overdue" | "settled";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of invoices, newest period first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InvoiceList"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invoices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an invoice: lines, amounts, deadlines, both parties and the deposit account, like a tax invoice */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The invoice */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Invoice"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such invoice, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invoices/{id}/document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The printable invoice (PDF), shaped like a tax invoice
         * @description 공급자/공급받는자 with their registration numbers, 작성일자, 공급가액, 세액, 합계, the lines, the deposit account (form §4), the due date and the balance.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description application/pdf */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such invoice, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invoices/{id}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a deposit (partial payments allowed, never above what is owed)
         * @description A retry with the same `Idempotency-Key` answers as the first request did and records nothing.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description a retry with the same key answers as the first request did and never acts twice */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description won */
                        amount: number;
                        /** Format: date-time */
                        paidAt?: string;
                    };
                };
            };
            responses: {
                /** @description The invoice after the payment */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Invoice"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such invoice */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The invoice is closed */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description More than is owed, or the Idempotency-Key was used for another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invoices/{id}/disputes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Dispute part of an invoice (Art. 7.2): the undisputed part stays due on the due date
         * @description Also after paying in full, until the next month’s invoice is issued: a won dispute over paid money is refunded. A retry with the same `Idempotency-Key` answers as the first request did.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description a retry with the same key answers as the first request did and never acts twice */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description won */
                        amount: number;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description The invoice with the new dispute */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Invoice"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such invoice, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The invoice is closed, or settled and past its dispute window */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description More than it bills and is not credited or disputed yet, or the key was used for another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invoices/{id}/disputes/{disputeId}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resolve a dispute after reconciliation: the accepted amount stays owed, the rest is credited
         * @description What the merchant had already paid beyond what the resolution leaves owed is refunded (`refunds`, dated at the resolution). A retry with the same `Idempotency-Key` answers as the first request did.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description a retry with the same key answers as the first request did and never acts twice */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                    disputeId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        acceptedAmount: number;
                    };
                };
            };
            responses: {
                /** @description The invoice after the resolution */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Invoice"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such invoice or dispute */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Already resolved, or the invoice is closed */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Accepted amount out of range, or the key was used for another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/billing/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a month’s billing now (idempotent: one invoice per contract and month, ever)
         * @description The `billing-monthly` Temporal Schedule does the same on the 1st of every month (Asia/Seoul) for the month before.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        period: string;
                    };
                };
            };
            responses: {
                /** @description Started (or already running) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            workflowId: string;
                            period: string;
                        };
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The month is not over yet */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/holidays": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The Korean public holidays of a year (official dataset + operator-added) used for business days */
        get: {
            parameters: {
                query: {
                    year: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Holidays */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Holidays"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add a holiday the dataset does not have yet (e.g. a newly declared temporary holiday) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date */
                        date: string;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Added */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Already added */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/holidays/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Load a year’s official public holidays: the year is covered from then on (audited)
         * @description Replaces the operator-entered holidays of that year with the list. Invoice dates in a year that neither the bundled dataset nor an operator covers wait (the invoice names the year) until it is loaded.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        holidays: {
                            /** Format: date */
                            date: string;
                            name: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description The year’s holidays as the calendar now has them */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Holidays"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key may not do this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A date outside the year, not a calendar date, or listed twice */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who did what, and who read which personal data (Art. 11), newest first */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    limit?: number;
                    /** @description operators only */
                    merchantId?: string;
                    action?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of entries */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuditLog"];
                    };
                };
                /** @description Malformed or invalid input (zod issues in details) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Error: {
            error: {
                /** @example invalid_request */
                code: string;
                message: string;
                details?: unknown;
            };
        };
        Health: {
            /** @enum {string} */
            status: "ok" | "unavailable";
            checks: {
                /** @enum {string} */
                database: "ok" | "unavailable";
                /** @enum {string} */
                temporal: "ok" | "unavailable";
            };
        };
        NhnWebhook: {
            hooksId?: string;
            webhookConfigId?: string;
            productName?: string;
            appKey?: string;
            event: string;
            hooks: ({
                hookId?: string;
                kakaoMessageType?: string;
                requestId?: string;
                recipientSeq?: number | string;
                resultCode?: string | null;
                receiveDate?: string | null;
                recipientGroupingKey?: string | null;
            } & {
                [key: string]: unknown;
            })[];
        };
        OptOutReport: {
            /** @enum {string} */
            event: "opt_out";
            /**
             * @description the merchant’s 080 number that was called
             * @example 080-123-4567
             */
            to080: string;
            /**
             * @description the caller’s number
             * @example 010-1234-5678
             */
            from: string;
            /**
             * Format: date-time
             * @default null
             */
            reportedAt: string | null;
        };
        ProviderReport: {
            providerMessageId: string;
            idempotencyKey: string;
            /** @enum {string} */
            status: "delivered" | "failed";
            resultCode: string | null;
            /** Format: date-time */
            reportedAt: string | null;
        };
        Session: {
            user: components["schemas"]["User"];
            /** @description send it back in the X-CSRF-Token header on POST, PATCH and DELETE */
            csrfToken: string;
            /**
             * @description ISO-8601 time with offset
             * @example 2026-11-25T09:00:00.000+09:00
             */
            expiresAt: string;
        };
        User: {
            id: string;
            email: string;
            name: string;
            /**
             * @description operator, or merchant staff: owner (everything), developer (sends and integrates), viewer (reads only)
             * @enum {string}
             */
            role: "operator" | "owner" | "developer" | "viewer";
            merchantId: string | null;
            /**
             * @description ISO-8601 time with offset
             * @example 2026-11-25T09:00:00.000+09:00
             */
            lastSignInAt: string | null;
            /**
             * @description ISO-8601 time with offset
             * @example 2026-11-25T09:00:00.000+09:00
             */
            createdAt: string;
        };
        SignIn: {
            email: string;
            password: string;
        };
        Invitation: {
            id: string;
            email: string;
            /**
             * @description operator, or merchant staff: owner (everything), developer (sends and integrates), viewer (reads only)
             * @enum {string}
             */
            role: "operator" | "owner" | "developer" | "viewer";
            merchantId: string | null;
            merchantName: string | null;
            /**
             * @description ISO-8601 time with offset
             * @example 2026-11-25T09:00:00.000+09:00
             */
            expiresAt: string;
            /**
             * @description ISO-8601 time with offset
             * @example 2026-11-25T09:00:00.000+09:00
             */
            createdAt: string;
        };
        AcceptInvitation: {
            token: string;
            name: string;
            /** @description at least 10 characters */
            password: string;
        };
        Me: {
            user: components["schemas"]["User"] & (Record<string, never> | null);
            /**
             * @description operator, or merchant staff: owner (everything), developer (sends and integrates), viewer (reads only)
             * @enum {string}
             */
            role: "operator" | "owner" | "developer" | "viewer";
            merchantId: string | null;
            merchantName: string | null;
            csrfToken: string | null;
            /** @description operators: the Temporal Web UI’s workflow list; append a workflow id */
            temporalUiUrl: string | null;
        };
        IssuedInvitation: components["schemas"]["Invitation"] & {
            /** @description the console link, relative to this server — shown only in this answer */
            path: string;
            /** @description the console link on PUBLIC_URL */
            url: string;
        };
        InvitationRequest: {
            /**
             * Format: email
             * @example owner@example.co.kr
             */
            email: string;
            /**
             * @description operator, or merchant staff: owner (everything), developer (sends and integrates), viewer (reads only)
             * @enum {string}
             */
            role: "operator" | "owner" | "developer" | "viewer";
            /** @description operators inviting a merchant’s staff */
            merchantId?: string;
        };
        CreatedMerchant: components["schemas"]["Merchant"] & {
            /** @description the merchant API key — shown only in this answer, stored only as a hash */
            apiKey: string;
            /** @description verifies the HMAC-SHA256 signature of our webhooks — shown only in this answer */
            webhookSecret: string;
            ownerInvitation: components["schemas"]["IssuedInvitation"] & unknown;
        };
        /** @description business information noticed to change, and when (Art. 4.1.3) */
        PendingMerchantChange: {
            id: string;
            /** @description the new values */
            fields: {
                businessRegistrationNumber?: string;
                name?: string;
                representative?: string;
                address?: string;
            };
            /**
             * @description ISO-8601 time with offset
             * @example 2026-11-25T09:00:00.000+09:00
             */
            noticedAt: string;
            /**
             * @description ISO-8601 time with offset
             * @example 2026-11-25T09:00:00.000+09:00
             */
            effectiveAt: string;
        } | null;
        Merchant: {
            id: string;
            /** @example 1248100998 */
            businessRegistrationNumber: string;
            name: string;
            representative: string;
            address: string;
            kakaoSearchId: string | null;
            webhookUrl: string | null;
            pendingChange: components["schemas"]["PendingMerchantChange"];
            /**
             * @description ISO-8601 time with offset
             * @example 2026-11-25T09:00:00.000+09:00
             */
            createdAt: string;
        };
        CreateMerchant: {
            /**
             * @description 사업자등록번호, with or without hyphens; the check digit is verified
             * @example 124-81-00998
             */
            businessRegistrationNumber: string;
            /**
             * @description 상호
             * @example 주식회사 예시상점
             */
            name: string;
            /**
             * @description 대표자
             * @example 홍길동
             */
            representative: string;
            /** @description address on the business registration certificate */
            address: string;
            /** @description 카카오톡 검색용아이디 (needed to apply for AlimTalk/FriendTalk) */
            kakaoSearchId?: string;
            /**
             * Format: uri
             * @description where message results are POSTed, signed with the webhook secret
             */
            webhookUrl?: string;
            /**
             * Format: email
             * @description the owner’s email: the answer carries a console invitation link for them (shown once)
             */
            ownerEmail?: string;
        };
        MerchantList: {
            data: components["schemas"]["Merchant"][];
            nextCursor: string | null;
        };
        ChangeMerchant: {
            /**
             * @description 사업자등록번호, with or without hyphens; the check digit is verified
             * @example 124-81-00998
             */
            businessRegistrationNumber?: string;
            /**
             * @description 상호
             * @example 주식회사 예시상점
             */
            name?: string;
            /**
             * @description 대표자
             * @example 홍길동
             */
            representative?: string;
            /** @description address on the business registration certificate */
            address?: string;
            /**
             * Format: uri
             * @description changes at once; null removes it
             */
            webhookUrl?: string | null;
            /**
             * Format: date-time
             * @description when the business information changes: at least 10 days from now (the default), Art. 4.1.3
             */
            effectiveAt?: string;
        };
        RotatedWebhookSecret: {
            /** @description the new secret — shown only in this answer */
            webhookSecret: string;
            /**
             * @description ISO-8601 time with offset
             * @example 2026-11-25T09:00:00.000+09:00
             */
            previousSecretValidUntil: string;
        };
        CreatedApiKey: components["schemas"]["ApiKey"] & {
            /** @description the key — shown only in this answer, stored only as a hash */
            apiKey: string;
        };
        ApiKey: {
            id: string;
            name: string;
            /**
             * @description the first characters, to recognise the key
             * @example bmk_Xy3kq9Zr
             */
            prefix: string;
            /**
             * @description ISO-8601 time with offset
             * @example 2026-11-25T09:00:00.000+09:00
             */
            createdAt: string;
            /**
             * @description to the minute
             * @example 2026-11-25T09:00:00.000+09:00
             */
            lastUsedAt: string | null;
            /**
             * @description ISO-8601 time with offset
             * @example 2026-11-25T09:00:00.000+09:00
             */
            revokedAt: string | null;
        };
        ApiKeyList: {
            data: components["schemas"]["ApiKey"][];
            nextCursor: string | null;
        };
        Contract: {
            id: string;
            merchantId: string;
            /** @enum {string} */
            status: "applied" | "on_hold" | "rejected" | "active" | "suspended" | "terminated" | "expired";
            /**
             * @description ISO-8601 time with offset
             * @example 2026-11-25T09:00:00.000+09:00
             */
            appliedAt: string;
            /**
             * @description ISO-8601 time with offset
             * @example 2026-11-25T09:00:00.000+09:00
             */
            termStart: string | null;
            /**
             * @description ISO-8601 time with offset
             * @example 2026-11-25T09:00:00.000+09:00
             */
            termEnd: string | null;
            termNumber: number | null;
            /** @description Art. 12: one-year terms renew unless notice is given 30 days before the end */
            renewal: {
                autoRenews: boolean;
                /**
                 * @description set once notice of non-renewal was given
                 * @example 2026-11-25T09:00:00.000+09:00
                 */
                endsAt: string | null;
            };
            services: components["schemas"]["Services"];
            kakaoSearchId: string | null;
            mids: string[];
            receiverNumbers: string[];
            /** @description unit prices in won with 2 decimals, VAT excluded */
            fees: {
                [key: string]: string;
            } | null;
            senderNumbers: components["schemas"]["SenderNumber"][];
            review: {
                decision: string;
                reason: string;
                note: string | null;
                /**
                 * @description ISO-8601 time with offset
                 * @example 2026-11-25T09:00:00.000+09:00
                 */
                at: string;
            } | null;
            suspension: {
                /** @enum {string} */
                reason: "unpaid_fees" | "spoofing" | "policy" | "maintenance";
                /**
                 * @description ISO-8601 time with offset
                 * @example 2026-11-25T09:00:00.000+09:00
                 */
                noticeAt: string;
                /**
                 * @description Art. 13.4: terminated then unless an objection is filed
                 * @example 2026-11-25T09:00:00.000+09:00
                 */
                terminationAt: string | null;
                objection: {
                    text: string;
                    /**
                     * @description ISO-8601 time with offset
                     * @example 2026-11-25T09:00:00.000+09:00
                     */
                    at: string;
                } | null;
            } | null;
            pendingSuspension: {
                reason: string;
                /**
                 * @description ISO-8601 time with offset
                 * @example 2026-11-25T09:00:00.000+09:00
                 */
                effectiveAt: string;
            } | null;
            pendingTermination: {
                cause: string;
                /**
                 * @description ISO-8601 time with offset
                 * @example 2026-11-25T09:00:00.000+09:00
                 */
                effectiveAt: string;
            } | null;
            termination: {
                cause: string;
                /**
                 * @description ISO-8601 time with offset
                 * @example 2026-11-25T09:00:00.000+09:00
                 */
                at: string;
                by: {
                    /** @enum {string} */
                    type: "operator" | "merchant" | "system";
                    id?: string;
                };
                note: string | null;
            } | null;
            history?: {
                seq: number;
                /**
                 * @description ISO-8601 time with offset
                 * @example 2026-11-25T09:00:00.000+09:00
                 */
                at: string;
                actor: {
                    /** @enum {string} */
                    type: "operator" | "merchant" | "system";
                    id?: string;
                };
                action: string;
                from: string;
                to: string;
                details: {
                    [key: string]: unknown;
                };
            }[];
        };
        Services: {
            /** @default false */
            sms: boolean;
            /** @default false */
            lms: boolean;
            /** @default false */
            alimtalk: boolean;
            /** @default false */
            friendtalkText: boolean;
            /** @default false */
            friendtalkImage: boolean;
            /**
             * @description 대체발송 SMS: a failed AlimTalk/FriendTalk goes out as SMS
             * @default false
             */
            fallbackSms: boolean;
            /** @default false */
            fallbackLms: boolean;
            /**
             * @default {
             *       "merchant": {
             *         "approval": false,
             *         "cancel": false
             *       },
             *       "buyer": {
             *         "approval": false,
             *         "cancel": false,
             *         "vbankIssued": false
             *       }
             *     }
             */
            paymentNotice: {
                /**
                 * @default {
                 *       "approval": false,
                 *       "cancel": false
                 *     }
                 */
                merchant: {
                    /** @default false */
                    approval: boolean;
                    /** @default false */
                    cancel: boolean;
                };
                /**
                 * @default {
                 *       "approval": false,
                 *       "cancel": false,
                 *       "vbankIssued": false
                 *     }
                 */
                buyer: {
                    /** @default false */
                    approval: boolean;
                    /** @default false */
                    cancel: boolean;
                    /** @default false */
                    vbankIssued: boolean;
                };
            };
        };
        SenderNumber: {
            id: string;
            contractId: string;
            /** @description null once destroyed, after its retention (README) */
            number: string | null;
            /** @enum {string} */
            status: "pending" | "verified" | "rejected";
            rejectionReason: string | null;
            /**
             * @description ISO-8601 time with offset
             * @example 2026-11-25T09:00:00.000+09:00
             */
            addedAt: string;
            /**
             * @description ISO-8601 time with offset
             * @example 2026-11-25T09:00:00.000+09:00
             */
            decidedAt: string | null;
            proofDocument: {
                id: string;
                fileName: string | null;
                contentType: string;
                sizeBytes: number;
                sha256: string;
            };
        };
        ContractApplication: {
            services: components["schemas"]["Services"];
            /** @default [] */
            senderNumbers: {
                /** @example 02-1234-5678 */
                number: string;
                proofDocument: components["schemas"]["ProofDocument"];
            }[];
            /**
             * @description mobile numbers of merchant staff for merchant-target payment notices (1–20)
             * @default []
             */
            receiverNumbers: string[];
            /** @default [] */
            mids: string[];
            /** @description defaults to the merchant’s */
            kakaoSearchId?: string;
        };
        /** @description 통신서비스 이용증명원 / 가입사실증명서 proving the number is the merchant’s */
        ProofDocument: {
            fileName: string;
            /** @description the PDF, JPEG or PNG file, base64-encoded (at most 1 MB decoded) */
            contentBase64: string;
        };
        ContractList: {
            data: components["schemas"]["Contract"][];
            nextCursor: string | null;
        };
        Fees: {
            /**
             * @description won per delivered message, VAT excluded, up to 2 decimals
             * @example 8.50
             */
            paymentNotice: string | number;
            /**
             * @description won per delivered message, VAT excluded, up to 2 decimals
             * @example 8.50
             */
            sms: string | number;
            /**
             * @description won per delivered message, VAT excluded, up to 2 decimals
             * @example 8.50
             */
            lms: string | number;
            /**
             * @description won per delivered message, VAT excluded, up to 2 decimals
             * @example 8.50
             */
            alimtalk: string | number;
            /**
             * @description won per delivered message, VAT excluded, up to 2 decimals
             * @example 8.50
             */
            friendtalkText: string | number;
            /**
             * @description won per delivered message, VAT excluded, up to 2 decimals
             * @example 8.50
             */
            friendtalkImage: string | number;
        };
        AcceptedMessage: {
            id: string;
            /** @enum {string} */
            status: "accepted" | "scheduled";
        };
        MessageRequest: {
            /**
             * @description `text`: SMS when the text fits the SMS limit and has no subject, else LMS; the message then reads `sms` or `lms`
             * @enum {string}
             */
            type: "sms" | "lms" | "alimtalk" | "friendtalk" | "friendtalk_image" | "text";
            /**
             * @description the recipient’s Korean mobile number, with or without hyphens
             * @example 010-1234-5678
             */
            to: string;
            /** @description a verified sender number of the contract (SMS/LMS and fallback); defaults to the only verified one */
            from?: string;
            text?: string;
            /** @description LMS only, at most 40 bytes */
            subject?: string;
            /** @description AlimTalk: an approved template */
            templateCode?: string;
            /** @description AlimTalk: values of the template’s #{variables} */
            variables?: {
                [key: string]: string | number;
            };
            /** @description FriendTalk image: the id POST /v1/images answered (the image rules are checked there) */
            imageId?: string;
            /**
             * @deprecated
             * @description not accepted: bizmsg never fetches a URL it is given — upload the image with POST /v1/images and send imageId
             */
            imageUrl?: unknown;
            /** @description AlimTalk/FriendTalk: re-send as SMS (if it fits 80 bytes) or LMS when Kakao fails or stays silent */
            fallback?: {
                enabled: boolean;
                text?: string;
                subject?: string;
            };
            /** @description your own reference, echoed back */
            reference?: string;
            /** @description FriendTalk requested between 20:50 and 08:00 KST: hold it until 08:00 instead of refusing it */
            holdDuringQuietHours?: boolean;
            /**
             * Format: date-time
             * @description send at this time (예약발송), at most one year ahead; in the past or now = at once. Until then the message reads `scheduled` and can be cancelled or rescheduled
             * @example 2026-12-24T09:00:00+09:00
             */
            scheduledAt?: string;
        };
        BatchResult: {
            accepted: {
                index: number;
                id: string;
            }[];
            rejected: {
                index: number;
                error: {
                    code: string;
                    message: string;
                    details?: unknown;
                };
            }[];
        };
        MessageBatch: {
            /** @description up to 10,000 message requests; each may carry its own `idempotencyKey` */
            messages: unknown[];
        };
        MessageContent: {
            to: string | null;
            text: string | null;
            subject: string | null;
            variables: {
                [key: string]: string;
            } | null;
            fallback: {
                /** @enum {string} */
                channel: "sms" | "lms";
                text: string;
                subject?: string;
            } | null;
            imageId: string | null;
            /**
             * @description set once the contents were destroyed (Art. 5.6, 10.2)
             * @example 2026-11-25T09:00:00.000+09:00
             */
            destroyedAt: string | null;
        };
        Message: {
            id: string;
            /** @enum {string} */
            type: "sms" | "lms" | "alimtalk" | "friendtalk" | "friendtalk_image" | "payment_notice";
            /**
             * @description masked
             * @example 010-****-5678
             */
            to: string;
            from: string | null;
            /** @enum {string} */
            status: "accepted" | "scheduled" | "sending" | "delivered" | "failed" | "cancelled";
            /** @enum {string|null} */
            deliveredVia: "sms" | "lms" | "alimtalk" | "friendtalk" | "friendtalk_image" | null;
            /**
             * @description why a failed message failed: its delivery outcome, or the sending gate’s refusal at send time
             * @enum {string|null}
             */
            failureReason: "result_timeout" | "kakao_failed" | "kakao_timeout" | "carrier_rejected" | "provider_rejected" | "provider_unavailable" | "personal_data_purged" | "no_contract" | "contract_suspended" | "contract_not_active" | "contract_ended" | "service_not_subscribed" | "fallback_not_subscribed" | "recipient_opted_out" | "sender_number_required" | "sender_number_not_registered" | "sender_number_not_verified" | null;
            reference: string | null;
            paymentNoticeId: string | null;
            fallback: {
                /** @enum {string} */
                channel: "sms" | "lms";
            } | null;
            attempts: {
                /** @enum {string} */
                channel: "sms" | "lms" | "alimtalk" | "friendtalk" | "friendtalk_image";
                /**
                 * @description carrier_handed_over: an SMS/LMS carrier failed and the next one took the attempt
                 * @enum {string}
                 */
                status: "sent" | "delivered" | "failed" | "no_result" | "rejected" | "unavailable" | "late_delivered" | "late_failed" | "carrier_handed_over";
                providerMessageId: string | null;
                resultCode: string | null;
                note: string | null;
                /**
                 * @description ISO-8601 time with offset
                 * @example 2026-11-25T09:00:00.000+09:00
                 */
                at: string;
            }[];
            /**
             * @description ISO-8601 time with offset
             * @example 2026-11-25T09:00:00.000+09:00
             */
            notBefore: string | null;
            /**
             * @description the time a scheduled message was asked for
             * @example 2026-11-25T09:00:00.000+09:00
             */
            scheduledAt: string | null;
            campaignId: string | null;
            /**
             * @description ISO-8601 time with offset
             * @example 2026-11-25T09:00:00.000+09:00
             */
            createdAt: string;
            /**
             * @description ISO-8601 time with offset
             * @example 2026-11-25T09:00:00.000+09:00
             */
            finalizedAt: string | null;
        };
        MessageList: {
            data: components["schemas"]["Message"][];
            nextCursor: string | null;
        };
        MessageStats: {
            byType: {
                /** @enum {string} */
                type: "sms" | "lms" | "alimtalk" | "friendtalk" | "friendtalk_image" | "payment_notice";
                total: number;
                delivered: number;
                failed: number;
                /** @description Kakao messages that went out as SMS/LMS */
                viaFallback: number;
            }[];
            daily: {
                /** @example 2026-11-25 */
                date: string;
                total: number;
                delivered: number;
            }[];
        };
        OptOut: {
            number: string;
            /**
             * @description ISO-8601 time with offset
             * @example 2026-11-25T09:00:00.000+09:00
             */
            createdAt: string;
        };
        OptOutList: {
            data: components["schemas"]["OptOut"][];
            nextCursor: string | null;
        };
        Image: {
            /** @example img_01jd3x0k5q8m3v7c2z9w4t6y1r */
            id: string;
            /**
             * @description read from the bytes, not from the file name
             * @enum {string}
             */
            format: "jpeg" | "png";
            width: number;
            height: number;
            bytes: number;
            sha256: string;
            /**
             * @description ISO-8601 time with offset
             * @example 2026-11-25T09:00:00.000+09:00
             */
            createdAt: string;
        };
        ImageUpload: {
            /** @example spring-sale.png */
            fileName: string;
            /** @description the image file, base64-encoded */
            contentBase64: string;
        };
        RescheduleRequest: {
            /**
             * Format: date-time
             * @description the new time, at most one year ahead; in the past or now = at once
             * @example 2026-12-24T09:00:00+09:00
             */
            scheduledAt: string;
        };
        CampaignAccepted: {
            id: string;
            /** @enum {string} */
            status: "scheduled" | "running" | "paused" | "completed" | "cancelled";
            total: number;
        };
        CampaignRequest: {
            name: string;
            message: components["schemas"]["CampaignMessage"];
            recipients?: {
                to: string;
                /** @description this recipient’s values of the AlimTalk template’s #{variables} */
                variables?: {
                    [key: string]: string | number;
                };
            }[];
            /**
             * @description instead of `recipients`: CSV text whose header row names the columns — `to` is the recipient, every other column a template variable of that name
             * @example to,name,order
             *     010-1234-5678,홍길동,A-1001
             */
            recipientsCsv?: string;
            /**
             * Format: date-time
             * @description start the campaign at this time, at most one year ahead; in the past or now = at once
             */
            scheduledAt?: string;
            /** @description messages created per minute at most; the merchant’s cap when absent or lower */
            ratePerMinute?: number;
        };
        CampaignMessage: {
            /**
             * @description `text`: SMS when the text fits the SMS limit and has no subject, else LMS; the message then reads `sms` or `lms`
             * @enum {string}
             */
            type: "sms" | "lms" | "alimtalk" | "friendtalk" | "friendtalk_image" | "text";
            /** @description a verified sender number of the contract (SMS/LMS and fallback); defaults to the only verified one */
            from?: string;
            text?: string;
            /** @description LMS only, at most 40 bytes */
            subject?: string;
            /** @description AlimTalk: an approved template */
            templateCode?: string;
            /** @description AlimTalk: values of the template’s #{variables} */
            variables?: {
                [key: string]: string | number;
            };
            /** @description FriendTalk image: the id POST /v1/images answered (the image rules are checked there) */
            imageId?: string;
            /**
             * @deprecated
             * @description not accepted: bizmsg never fetches a URL it is given — upload the image with POST /v1/images and send imageId
             */
            imageUrl?: unknown;
            /** @description AlimTalk/FriendTalk: re-send as SMS (if it fits 80 bytes) or LMS when Kakao fails or stays silent */
            fallback?: {
                enabled: boolean;
                text?: string;
                subject?: string;
            };
            /** @description your own reference, echoed back */
            reference?: string;
            /** @description FriendTalk requested between 20:50 and 08:00 KST: hold it until 08:00 instead of refusing it */
            holdDuringQuietHours?: boolean;
        };
        CampaignList: {
            data: components["schemas"]["Campaign"][];
            nextCursor: string | null;
        };
        Campaign: {
            id: string;
            name: string;
            type: string;
            /** @enum {string} */
            status: "scheduled" | "running" | "paused" | "completed" | "cancelled";
            /**
             * @description ISO-8601 time with offset
             * @example 2026-11-25T09:00:00.000+09:00
             */
            scheduledAt: string | null;
            ratePerMinute: number;
            total: number;
            /** @description recipients whose message was created */
            accepted: number;
            /** @description recipients the acceptance rules refused (see /rejections) */
            rejected: number;
            /** @description recipients still waiting their turn */
            scheduled: number;
            sending: number;
            delivered: number;
            failed: number;
            /** @description recipients cancelled before their turn */
            cancelled: number;
            /**
             * @description ISO-8601 time with offset
             * @example 2026-11-25T09:00:00.000+09:00
             */
            createdAt: string;
            /**
             * @description ISO-8601 time with offset
             * @example 2026-11-25T09:00:00.000+09:00
             */
            startedAt: string | null;
            /**
             * @description ISO-8601 time with offset
             * @example 2026-11-25T09:00:00.000+09:00
             */
            finishedAt: string | null;
        };
        CampaignRejectionList: {
            data: components["schemas"]["CampaignRejection"][];
            nextCursor: string | null;
        };
        CampaignRejection: {
            /** @description the recipient’s position in the request (0-based) */
            index: number;
            /** @description masked */
            to: string;
            error: {
                code: string;
                message: string;
                details?: unknown;
            };
        };
        OptOutNumber: {
            id: string;
            contractId: string;
            /** @example 0801234567 */
            number: string;
            /** @enum {string} */
            status: "pending" | "verified" | "rejected";
            rejectionReason: string | null;
            /**
             * @description ISO-8601 time with offset
             * @example 2026-11-25T09:00:00.000+09:00
             */
            addedAt: string;
            /**
             * @description ISO-8601 time with offset
             * @example 2026-11-25T09:00:00.000+09:00
             */
            decidedAt: string | null;
        };
        OptOutNumberList: {
            data: components["schemas"]["OptOutNumber"][];
            nextCursor: string | null;
        };
        Template: {
            code: string;
            /** @description the latest version: 1, then one more per edit */
            version: number;
            text: string;
            variables: string[];
            buttons: components["schemas"]["TemplateButton"][];
            /**
             * @description Kakao’s review of the latest version
             * @enum {string}
             */
            status: "requested" | "approved" | "rejected";
            rejectionReason: string | null;
            /** @description the version messages are sent from: the last one Kakao approved (an edit under review does not replace it until approved) */
            approved: {
                version: number;
                text: string;
                buttons: components["schemas"]["TemplateButton"][];
            } | null;
            /**
             * @description ISO-8601 time with offset
             * @example 2026-11-25T09:00:00.000+09:00
             */
            createdAt: string;
            /**
             * @description ISO-8601 time with offset
             * @example 2026-11-25T09:00:00.000+09:00
             */
            reviewedAt: string | null;
        };
        TemplateButton: {
            /**
             * @description WL web link, AL app link, DS delivery tracking, BK bot keyword, MD message delivery
             * @enum {string}
             */
            type: "WL" | "AL" | "DS" | "BK" | "MD";
            /**
             * @description at most 14 characters
             * @example 주문 조회
             */
            name: string;
            /** @description WL (required), AL: the http(s) page it opens on a phone */
            urlMobile?: string;
            /** @description WL, AL: the http(s) page it opens on a computer */
            urlPc?: string;
            /** @description AL: the app scheme on Android (this or schemeIos required) */
            schemeAndroid?: string;
            /** @description AL: the app scheme on iOS */
            schemeIos?: string;
        };
        TemplateRequest: {
            code: string;
            text: string;
            /**
             * @description at most 5 Kakao buttons; they are reviewed with the text and sent with every message
             * @default []
             */
            buttons: components["schemas"]["TemplateButton"][];
        };
        TemplateEdit: {
            text: string;
            /**
             * @description at most 5 Kakao buttons; they are reviewed with the text and sent with every message
             * @default []
             */
            buttons: components["schemas"]["TemplateButton"][];
        };
        TemplateList: {
            data: components["schemas"]["Template"][];
            nextCursor: string | null;
        };
        PaymentEventAccepted: {
            paymentEventId: string;
            /** @description ids of the notices (messages) */
            notices: string[];
            skipped: {
                /** @enum {string} */
                audience: "merchant" | "buyer";
                reason: string;
                message: string;
            }[];
        };
        PaymentEvent: {
            mid: string;
            tid: string;
            /** @enum {string} */
            event: "approved" | "cancelled" | "vbank_issued" | "vbank_deposited";
            /** @description card | vbank | transfer | mobile (Art. 2.2: no other method carries notices) */
            method: string;
            /** @description won */
            amount: number;
            productName: string;
            buyer?: {
                name?: string;
                phone?: string;
            };
            /** @description the virtual account, for vbank_issued */
            vbank?: {
                bank: string;
                accountNumber: string;
                holder: string;
                /** Format: date */
                dueDate: string;
            };
        };
        PaymentNotices: {
            mid: string;
            tid: string;
            events: {
                id: string;
                /** @enum {string} */
                event: "approved" | "cancelled" | "vbank_issued" | "vbank_deposited";
                method: string;
                amount: number;
                productName: string;
                /** @enum {string} */
                status: "sending" | "completed";
                createdAt: string;
                skipped: {
                    /** @enum {string} */
                    audience: "merchant" | "buyer";
                    reason: string;
                    message: string;
                }[];
                notices: (components["schemas"]["Message"] & {
                    /** @enum {string|null} */
                    audience: "merchant" | "buyer" | null;
                })[];
            }[];
        };
        UpcomingInvoice: {
            contractId: string;
            period: string;
            /** @enum {string} */
            status: "draft";
            lines: {
                type: string;
                quantity: number;
                /** @example 8.50 */
                unitPrice: string;
                /**
                 * @description quantity × unit price, exact
                 * @example 25.50
                 */
                amount: string;
            }[];
            supplyAmount: number;
            vat: number;
            total: number;
            /**
             * @description ISO-8601 time with offset
             * @example 2026-11-25T09:00:00.000+09:00
             */
            asOf: string;
        };
        InvoiceList: {
            data: components["schemas"]["Invoice"][];
            nextCursor: string | null;
        };
        Invoice: {
            id: string;
            contractId: string;
            merchantId: string;
            period: string;
            /** @enum {string} */
            status: "issued" | "partially_paid" | "paid" | "disputed" | "overdue" | "settled";
            lines: {
                type: string;
                quantity: number;
                /** @example 8.50 */
                unitPrice: string;
                /**
                 * @description quantity × unit price, exact
                 * @example 25.50
                 */
                amount: string;
            }[];
            /** @description 공급가액: the lines’ sum, rounded down to whole won */
            supplyAmount: number;
            /** @description 부가세: 10% of the supply amount, rounded down */
            vat: number;
            total: number;
            paidAmount: number;
            /** @description paid back after disputes won over paid money */
            refundedAmount: number;
            creditedAmount: number;
            /** @description paid − refunded + credited + outstanding = total, always */
            outstandingAmount: number;
            disputedAmount: number;
            /**
             * @description ISO-8601 time with offset
             * @example 2026-11-25T09:00:00.000+09:00
             */
            issuedAt: string;
            issueDate: string;
            /** @description 20 business days after the issue date (Art. 7.1) */
            dueDate: string;
            /** @description issue-by dates: VAT Act Art. 34 and the 10th business day (Art. 7.1) */
            deadlines: {
                legal: string;
                contract: string;
            };
            supplier: {
                name: string;
                /** @example 124-81-00998 */
                businessRegistrationNumber: string;
                representative?: string;
                address?: string;
            };
            buyer: {
                name: string;
                /** @example 124-81-00998 */
                businessRegistrationNumber: string;
                representative?: string;
                address?: string;
            };
            depositAccount: {
                bank: string;
                accountNumber: string;
                holder: string;
            };
            payments: {
                id: string;
                amount: number;
                /**
                 * @description ISO-8601 time with offset
                 * @example 2026-11-25T09:00:00.000+09:00
                 */
                paidAt: string;
            }[];
            disputes: {
                id: string;
                amount: number;
                reason: string;
                /** @enum {string} */
                status: "open" | "resolved";
                acceptedAmount: number | null;
                creditedAmount: number | null;
                /**
                 * @description ISO-8601 time with offset
                 * @example 2026-11-25T09:00:00.000+09:00
                 */
                openedAt: string;
                /**
                 * @description ISO-8601 time with offset
                 * @example 2026-11-25T09:00:00.000+09:00
                 */
                resolvedAt: string | null;
            }[];
            refunds: {
                id: string;
                disputeId: string;
                amount: number;
                /**
                 * @description ISO-8601 time with offset
                 * @example 2026-11-25T09:00:00.000+09:00
                 */
                refundedAt: string;
            }[];
        };
        Holidays: {
            year: number;
            covered: boolean;
            data: {
                date: string;
                names: string[];
                /** @enum {string} */
                source: "gazette" | "operator";
            }[];
        };
        AuditLog: {
            data: components["schemas"]["AuditEntry"][];
            nextCursor: string | null;
        };
        AuditEntry: {
            id: string;
            /**
             * @description ISO-8601 time with offset
             * @example 2026-11-25T09:00:00.000+09:00
             */
            at: string;
            actor: {
                /** @enum {string} */
                type: "operator" | "merchant" | "system";
                id: string | null;
            };
            /** @example contract.read */
            action: string;
            subject: {
                type: string;
                id: string | null;
            };
            merchantId: string | null;
            details: {
                [key: string]: unknown;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
