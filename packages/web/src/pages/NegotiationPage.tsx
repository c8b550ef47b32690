export default function NegotiationPage() {
  return <div>Negotiation</div>;
}
