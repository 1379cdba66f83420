namespace Invoicing.EInvoices;

/// <summary>Where an e-invoice handed to the operator stands; the operator integration moves it on.</summary>
public enum EInvoiceDeliveryStatus
{
    /// <summary>Written to <c>einvoices-outbox</c>, not yet taken by the operator.</summary>
    Pending,

    /// <summary>The operator took it for sending through its Peppol access point.</summary>
    Accepted,

    /// <summary>The operator reports it delivered to the buyer's access point.</summary>
    Delivered,

    /// <summary>The operator could not deliver it; <c>detail</c> says why. A person decides what happens next.</summary>
    Failed,
}
