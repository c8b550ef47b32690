export default function DeterrencePage() {
  return <div>Deterrence</div>;
}
