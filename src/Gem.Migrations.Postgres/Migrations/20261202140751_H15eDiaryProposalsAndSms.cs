using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gem.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class H15eDiaryProposalsAndSms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DiaryProposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposerUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ProposerOrganisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ConsentId = table.Column<Guid>(type: "uuid", nullable: true),
                    ProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Days = table.Column<int>(type: "integer", nullable: false),
                    PerDay = table.Column<int>(type: "integer", nullable: false),
                    WakeFromMinutes = table.Column<int>(type: "integer", nullable: false),
                    WakeUntilMinutes = table.Column<int>(type: "integer", nullable: false),
                    MinGapMinutes = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(280)", maxLength: 280, nullable: true),
                    State = table.Column<int>(type: "integer", nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DiaryId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DiaryProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DiaryProposals_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DiarySmsChoices",
                columns: table => new
                {
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChosenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DiarySmsChoices", x => x.OwnerId);
                    table.ForeignKey(
                        name: "FK_DiarySmsChoices_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DiaryProposals_OpenPerProposer",
                table: "DiaryProposals",
                columns: new[] { "OwnerId", "ProposerUserId" },
                unique: true,
                filter: "\"State\" = 0");

            migrationBuilder.CreateIndex(
                name: "IX_DiaryProposals_ProposerUserId_OwnerId_ProposedAt",
                table: "DiaryProposals",
                columns: new[] { "ProposerUserId", "OwnerId", "ProposedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DiaryProposals");

            migrationBuilder.DropTable(
                name: "DiarySmsChoices");
        }
    }
}
