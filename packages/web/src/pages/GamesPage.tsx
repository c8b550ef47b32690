export default function GamesPage() {
  return <div>Games</div>;
}
